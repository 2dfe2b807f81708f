import { useCallback } from 'react';
import type { Control, ControlPatch } from '../../../shared/api/controls';
import type { Input } from '../../../shared/api/index';
import { useApi } from '../../api/provider';
import { usePutControl } from './scope-queries';

/*
 * What changes a control, from the Scope screens and the gap analysis alike. Each saves through
 * the contract and puts the saved control into the cache at once (a drawer opened on a new
 * control finds it; a choice shows as made); criteria, counts and coverage follow with the
 * re-reads that the change's `vault.changed` triggers.
 */

/** Changes some of a control's fields. */
export function useUpdateControl(): (id: string, patch: ControlPatch) => Promise<Control> {
  const client = useApi();
  const put = usePutControl();
  return useCallback(
    async (id: string, patch: ControlPatch) => {
      const saved = await client.call('controls.update', { id, patch });
      put(saved);
      return saved;
    },
    [client, put],
  );
}

/** Archives a control (its work is kept) or restores it. */
export function useArchiveControl(): (id: string, archived: boolean) => Promise<Control> {
  const client = useApi();
  const put = usePutControl();
  return useCallback(
    async (id: string, archived: boolean) => {
      const saved = await client.call('controls.archive', { id, archived });
      put(saved);
      return saved;
    },
    [client, put],
  );
}

/** Adds a custom control. */
export function useCreateControl(): (input: Input<'controls.create'>) => Promise<Control> {
  const client = useApi();
  const put = usePutControl();
  return useCallback(
    async (input: Input<'controls.create'>) => {
      const created = await client.call('controls.create', input);
      put(created);
      return created;
    },
    [client, put],
  );
}

/** Marks a control key or supporting for one of its criteria (a reason to demote). */
export function useSetCriterionRole(): (
  input: Input<'controls.setCriterionRole'>,
) => Promise<Control> {
  const client = useApi();
  const put = usePutControl();
  return useCallback(
    async (input: Input<'controls.setCriterionRole'>) => {
      const saved = await client.call('controls.setCriterionRole', input);
      put(saved);
      return saved;
    },
    [client, put],
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Control, VaultCriterion } from '../../../shared/api/controls';
import type { Output } from '../../../shared/api/index';
import type { Subservice, SystemDescription } from '../../../shared/api/sd';
import type { ApiClient } from '../../api';
import { allPages } from '../../api/all-pages';
import { apiQueryKey, useApiRead } from '../../api/queries';
import { useVaultQuery } from '../vault/use-vault-query';
import { useOpenId } from '../vault/store';

/*
 * What the Scope screens (and the gap analysis, which assesses the same controls) read, from the
 * query cache: re-read when a `vault.changed` touches what each read depends on, keyed by the
 * vault's opening so another vault's rows never show.
 */

const NO_CRITERIA: VaultCriterion[] = [];
const NO_CONTROLS: Control[] = [];

/** Every control of the vault, archived ones too (they can be restored), by reference. */
const ALL_CONTROLS = 'every control, archived too';

async function readAllControls(client: ApiClient): Promise<Control[]> {
  const all = await allPages((cursor) =>
    client.call('controls.list', { includeArchived: true, limit: 1000, cursor }),
  );
  return all!.items;
}

const byRef = (a: Control, b: Control) => a.ref.localeCompare(b.ref);

/** The in-scope criteria in catalog order; empty until the scope is first confirmed. */
export function useScopeCriteria(): { criteria: VaultCriterion[]; loaded: boolean } {
  const query = useVaultQuery('criteria.list', { inScopeOnly: true }, { select: criteriaOf });
  return { criteria: query.data ?? NO_CRITERIA, loaded: query.isSuccess };
}
const criteriaOf = (answer: Output<'criteria.list'>) => answer.items;

/** Every control, archived ones too, by reference; `loaded` once read. */
export function useScopeControls(): { controls: Control[]; loaded: boolean } {
  const openId = useOpenId();
  const query = useApiRead(openId, 'controls.list', ALL_CONTROLS, readAllControls, {
    enabled: openId !== null,
  });
  return { controls: query.data ?? NO_CONTROLS, loaded: query.isSuccess };
}

/** The cache key of every control (for writing a just-saved control into it). */
export function allControlsKey(openId: string | null) {
  return ['api', openId, 'controls.list', { variant: ALL_CONTROLS }] as const;
}

/** The system description with its archived records (they can be restored); null until read. */
export function useSystemDescription(): SystemDescription | null {
  return useVaultQuery('sd.get', SD_INPUT).data ?? null;
}
const SD_INPUT = { includeArchived: true } as const;

/**
 * Puts a control just saved (created, edited, archived) into the cached list at once, so what
 * shows it follows without waiting for the re-read that the change triggers.
 */
export function usePutControl(): (control: Control) => void {
  const queries = useQueryClient();
  const openId = useOpenId();
  return useCallback(
    (control: Control) =>
      queries.setQueryData<Control[]>(allControlsKey(openId), (list) =>
        list ? [...list.filter((c) => c.id !== control.id), control].sort(byRef) : list,
      ),
    [queries, openId],
  );
}

/**
 * Puts a subservice organisation just created into the cached description, so its drawer opens
 * on it before the re-read arrives.
 */
export function usePutSubservice(): (org: Subservice) => void {
  const queries = useQueryClient();
  const openId = useOpenId();
  return useCallback(
    (org: Subservice) =>
      queries.setQueryData<SystemDescription>(apiQueryKey(openId, 'sd.get', SD_INPUT), (sd) =>
        sd ? { ...sd, subservices: [...sd.subservices.filter((o) => o.id !== org.id), org] } : sd,
      ),
    [queries, openId],
  );
}

/** The active controls, by reference. */
export function activeControls(controls: readonly Control[]): Control[] {
  return controls.filter((c) => !c.archived);
}

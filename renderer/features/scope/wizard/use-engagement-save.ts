import type { EngagementPatch } from '../../../../shared/api/methods/scope';
import { useApi } from '../../../api/provider';
import { useContractErrors } from '../forms/use-contract-errors';
import { useFieldAutosave } from '../forms/use-field-autosave';

/**
 * Saves the engagement's scope answers as they are edited (`scope.update`), one field at a
 * time. `field` names what the errors of a save belong to; the patch is what is sent.
 */
export function useEngagementSave() {
  const client = useApi();
  const { errors, capture, clear } = useContractErrors();
  const { schedule, flush } = useFieldAutosave<string>(async (field, patch) => {
    try {
      await client.call('scope.update', patch as EngagementPatch);
      // The header's client, report type and period are re-read by the change this makes.
      clear(field);
    } catch (e) {
      capture(e, { field });
    }
  });
  return {
    errors,
    flush,
    /** Waits for a pause in typing, then saves. */
    later: (field: string, patch: EngagementPatch) => schedule(field, patch),
    /** Saves at once (a choice, not typing). */
    now: (field: string, patch: EngagementPatch) => schedule(field, patch, true),
  };
}

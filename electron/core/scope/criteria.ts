import type { VaultCriterion } from '../../../shared/api/controls';
import { AttestError } from '../../../shared/api/errors';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import {
  getCriterionRow,
  listControlRows,
  listCriterionRows,
  updateCriterion,
} from '../../db/repos/controls';
import { linksOf } from '../../db/repos/links';
import { carveOutsOf } from '../../db/repos/subservices';
import type { Vault } from '../vault/session';
import { toCriterion } from './mapping';
import { withdrawConfirmedNone } from '../sd/confirmed-none';

/** The vault's criteria in catalog order, each with the active controls mapped to it. */
export function listCriteria(vault: Vault, inScopeOnly: boolean): VaultCriterion[] {
  const links = linksOf(vault.db, 'control_criterion');
  const byCriterion = new Map<string, string[]>();
  // Active controls only, by reference.
  for (const { id: controlId } of listControlRows(vault.db)) {
    for (const id of links.get(controlId) ?? [])
      byCriterion.set(id, [...(byCriterion.get(id) ?? []), controlId]);
  }
  return listCriterionRows(vault.db)
    .filter((r) => !inScopeOnly || r.in_scope === 1)
    .map((r) => toCriterion(r, byCriterion.get(r.id) ?? []));
}

/** The carve-out subservice organisation that supports a criterion, if any. */
function carvedOutBy(vault: Vault, id: string): string | null {
  return carveOutsOf(vault.db, id)[0]?.name ?? null;
}

/** DC 8: marks an in-scope criterion not relevant (a reason is required), or clears the mark. */
export function setNotRelevant(vault: Vault, id: string, reason: string | null): VaultCriterion {
  return tx(vault.db, () => {
    const row = getCriterionRow(vault.db, id);
    if (!row)
      throw new AttestError(
        'not_found',
        `No criterion ${id} in this vault; confirm the scope first`,
      );
    if (row.in_scope !== 1) throw new AttestError('conflict', `${id} is not in scope`);
    if (reason !== null && carvedOutBy(vault, id)) {
      throw new AttestError(
        'conflict',
        `${id} is carved out to ${carvedOutBy(vault, id)}: it is met through that organisation's controls, which is not the same as not relevant.`,
      );
    }
    const value = reason?.trim() || null;
    if (reason !== null && value === null) {
      throw new AttestError('validation', 'Say why the criterion is not relevant', [
        { path: ['reason'], message: 'Say why the criterion is not relevant' },
      ]);
    }
    updateCriterion(vault.db, id, { not_relevant_reason: value, updated_at: vault.now() });
    recordChange(vault, {
      action: 'update',
      entity: 'criterion',
      entityId: id,
      payload: { notRelevantReason: value },
    });
    // "Every criterion applies" is no longer true once one is marked not relevant.
    if (value !== null) withdrawConfirmedNone(vault, 'notRelevant');
    return listCriteria(vault, false).find((c) => c.id === id)!;
  });
}

import { AttestError } from '../../../shared/api/errors';
import { recordChange } from '../../db/audit';
import { linkId } from '../../db/audited';
import { all } from '../../db/connection';
import { changeHistoryLinks, setLinkPurpose } from '../../db/repos/evidence';
import { linkedTo } from '../../db/repos/links';
import type { Vault } from '../vault/session';

/**
 * An item as an automated control's configuration change history (D1 item 4): a fact of its
 * link to that control (migration 020), so the same change log can be the history of one control
 * and an instance of another. Only automated controls have one: a manual control is evidenced by
 * its instances alone, and a change log marked for it would silently stop counting as one.
 */

/** Refuses controls that are not automated (or do not exist) before anything is written. */
export function checkChangeHistoryControls(vault: Vault, controlIds: readonly string[]): void {
  if (controlIds.length === 0) return;
  const rows = all(
    vault.db,
    vault.db.qb
      .selectFrom('control')
      .select(['id', 'ref', 'nature'])
      .where('id', 'in', [...controlIds]),
  );
  for (const id of controlIds) {
    const c = rows.find((r) => r.id === id);
    const message = !c
      ? `No control ${id} in this vault`
      : c.nature !== 'automated'
        ? `${c.ref} is not automated: only an automated control’s configuration has a change history`
        : null;
    if (message)
      throw new AttestError('validation', message, [{ path: ['changeHistoryFor'], message }]);
  }
}

/**
 * Makes the item the change history of exactly these of its linked controls, inside the
 * caller's transaction; each link whose purpose changes is its own audited update. Returns
 * whether anything changed.
 */
export function setChangeHistory(
  vault: Vault,
  evidenceId: string,
  controlIds: readonly string[],
): boolean {
  const wanted = new Set(controlIds);
  const linked = new Set(linkedTo(vault.db, 'evidence_control', evidenceId));
  for (const id of wanted) {
    if (linked.has(id)) continue;
    const message = `Link the control ${id} first: it is the change history of linked controls only`;
    throw new AttestError('validation', message, [{ path: ['changeHistoryFor'], message }]);
  }
  checkChangeHistoryControls(vault, [...wanted]);
  const current = new Set(changeHistoryLinks(vault.db, [evidenceId]).get(evidenceId) ?? []);
  let changed = false;
  for (const id of linked) {
    if (wanted.has(id) === current.has(id)) continue;
    const purpose = wanted.has(id) ? 'change_history' : null;
    setLinkPurpose(vault.db, evidenceId, id, purpose);
    recordChange(vault, {
      action: 'update',
      entity: 'evidence_control',
      entityId: linkId(evidenceId, id),
      payload: { purpose: purpose ?? 'instance' },
    });
    changed = true;
  }
  return changed;
}

/** The links a new item gets: the controls chosen plus those it is the change history of. */
export function controlsToLink(input: {
  controlIds: readonly string[];
  changeHistoryFor?: readonly string[] | undefined;
}): string[] {
  return [...new Set([...input.controlIds, ...(input.changeHistoryFor ?? [])])];
}

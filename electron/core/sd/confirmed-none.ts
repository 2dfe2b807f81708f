import {
  CONFIRMABLE_NONE,
  CONFIRMED_NONE_TEXT_KEY,
  type ConfirmableNone,
  type ConfirmedNone,
} from '../../../shared/domain/system-description';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { deleteTextRow, getTextRow, listRows, putTextRow } from '../../db/repos/sd-records';
import type { Vault } from '../vault/session';
import { conflict, scopeCriteria } from './references';

/**
 * Explicit "there are none" answers for subservice organisations (DC 7), CUECs (DC 6) and
 * not-relevant criteria (DC 8). An empty list is not an answer: only a confirmation lets the
 * draft say "none". Each is an `sd_text` row holding the date it was confirmed (no migration);
 * it is refused while records say otherwise, and adding such a record withdraws it, in the same
 * transaction and in the audit log, because the record makes it untrue.
 */

export function getConfirmedNone(vault: Vault): ConfirmedNone {
  return Object.fromEntries(
    CONFIRMABLE_NONE.map((kind) => [
      kind,
      getTextRow(vault.db, CONFIRMED_NONE_TEXT_KEY[kind])?.content ?? null,
    ]),
  ) as ConfirmedNone;
}

const LISTED: Record<ConfirmableNone, (n: number) => string> = {
  subservices: (n) =>
    `${n} subservice organisation${n === 1 ? ' is' : 's are'} listed; archive ${n === 1 ? 'it' : 'them'} before stating the system relies on none.`,
  cuecs: (n) =>
    `${n} CUEC${n === 1 ? ' is' : 's are'} listed; archive ${n === 1 ? 'it' : 'them'} before stating there are none.`,
  notRelevant: (n) =>
    `${n} criteri${n === 1 ? 'on is' : 'a are'} marked not relevant; mark ${n === 1 ? 'it' : 'them'} relevant again before confirming that every criterion applies.`,
};

/** Confirms "none" for a section as of today, or withdraws the confirmation (false). */
export function confirmNone(
  vault: Vault,
  kind: ConfirmableNone,
  confirmed: boolean,
): ConfirmedNone {
  return tx(vault.db, () => {
    if (confirmed) {
      const listed = countListed(vault, kind);
      if (listed > 0) throw conflict(LISTED[kind](listed));
      if (kind === 'notRelevant' && scopeCriteria(vault).inScope.size === 0)
        throw conflict('Confirm the scope first: until then no criterion is known to apply.');
      if (getConfirmedNone(vault)[kind] === null) writeConfirmation(vault, kind, true);
    } else {
      withdrawConfirmedNone(vault, kind);
    }
    return getConfirmedNone(vault);
  });
}

/** Withdraws a confirmation a new record has made untrue; nothing happens without one. */
export function withdrawConfirmedNone(vault: Vault, kind: ConfirmableNone): void {
  if (getConfirmedNone(vault)[kind] !== null) writeConfirmation(vault, kind, false);
}

function countListed(vault: Vault, kind: ConfirmableNone): number {
  if (kind === 'subservices') return listRows(vault.db, 'subservice_org', false).length;
  if (kind === 'cuecs') return listRows(vault.db, 'cuec', false).length;
  return scopeCriteria(vault).notRelevant.size;
}

function writeConfirmation(vault: Vault, kind: ConfirmableNone, confirmed: boolean): void {
  const key = CONFIRMED_NONE_TEXT_KEY[kind];
  if (!confirmed) {
    deleteTextRow(vault.db, key);
    recordChange(vault, { action: 'delete', entity: 'sd_text', entityId: key });
    return;
  }
  const now = vault.now();
  const content = now.slice(0, 10);
  const action = putTextRow(vault.db, { key, content, updated_at: now });
  recordChange(vault, { action, entity: 'sd_text', entityId: key, payload: { content } });
}

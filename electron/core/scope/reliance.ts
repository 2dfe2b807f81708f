import type { ControlItgcs, ItgcLinkInput } from '../../../shared/api/controls';
import { AttestError } from '../../../shared/api/errors';
import type { Nature } from '../../../shared/domain/catalog';
import { defaultReliance, itgcState } from '../../../shared/domain/itgc';
import { recordChange } from '../../db/audit';
import { linkId } from '../../db/audited';
import { first, runExpect, tx } from '../../db/connection';
import { getControlRow, listControlRows } from '../../db/repos/controls';
import { criterionRolesOf, linkedTo, linksOf } from '../../db/repos/links';
import { metOnTheirOwn } from '../gaps/control-evidence';
import type { Vault } from '../vault/session';

/**
 * Automated controls and the IT general controls they rely on (`shared/domain/itgc.ts`): the
 * links, their default at scoping, and what they say about sampling. Each link is an audited row.
 */

function requireRow(vault: Vault, id: string) {
  const row = getControlRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No control ${id} in this vault`);
  return row;
}

/** Records that `id` relies on `reliesOnId`; linking twice changes nothing. */
export function linkItgc(vault: Vault, input: ItgcLinkInput): ControlItgcs {
  return tx(vault.db, () => {
    const control = requireRow(vault, input.id);
    const itgc = requireRow(vault, input.reliesOnId);
    if (control.id === itgc.id) {
      const message = `${control.ref} cannot rely on itself`;
      throw new AttestError('validation', message, [{ path: ['reliesOnId'], message }]);
    }
    const exists = first(
      vault.db,
      vault.db.qb
        .selectFrom('control_reliance')
        .select('control_id')
        .where('control_id', '=', control.id)
        .where('relies_on_id', '=', itgc.id),
    );
    if (!exists) {
      runExpect(
        vault.db,
        vault.db.qb
          .insertInto('control_reliance')
          .values({ control_id: control.id, relies_on_id: itgc.id }),
      );
      recordChange(vault, {
        action: 'create',
        entity: 'control_reliance',
        entityId: linkId(control.id, itgc.id),
        payload: {},
      });
    }
    return controlItgcs(vault, control.id);
  });
}

/** Ends the reliance; unlinking what is not linked changes nothing. */
export function unlinkItgc(vault: Vault, input: ItgcLinkInput): ControlItgcs {
  return tx(vault.db, () => {
    const control = requireRow(vault, input.id);
    const removed = vault.db.qb
      .deleteFrom('control_reliance')
      .where('control_id', '=', control.id)
      .where('relies_on_id', '=', input.reliesOnId);
    if (linkedTo(vault.db, 'control_reliance', control.id).includes(input.reliesOnId)) {
      runExpect(vault.db, removed);
      recordChange(vault, {
        action: 'delete',
        entity: 'control_reliance',
        entityId: linkId(control.id, input.reliesOnId),
        payload: {},
      });
    }
    return controlItgcs(vault, control.id);
  });
}

/** The controls `id` relies on, whether each is met, and whether it must be sampled. */
export function controlItgcs(vault: Vault, id: string): ControlItgcs {
  const control = requireRow(vault, id);
  const ids = linkedTo(vault.db, 'control_reliance', id);
  const met = metOnTheirOwn(vault, ids);
  const reliesOn = ids.map((r) => {
    const row = getControlRow(vault.db, r)!;
    return { id: r, ref: row.ref, title: row.title, met: met.get(r) ?? null };
  });
  const state = itgcState(reliesOn.filter((r) => r.met !== null).map((r) => ({ met: !!r.met })));
  return { reliesOn, state, mustSample: control.nature === 'automated' && state === 'failing' };
}

/**
 * The default reliance for controls just added to the scope (`defaultReliance`): links that
 * touch one of `addedIds` and do not exist yet, each audited. Inside the caller's transaction.
 */
export function applyDefaultReliance(vault: Vault, addedIds: readonly string[]): number {
  if (addedIds.length === 0) return 0;
  const added = new Set(addedIds);
  const roles = criterionRolesOf(vault.db);
  const candidates = listControlRows(vault.db, { includeArchived: true }).map((c) => ({
    id: c.id,
    nature: c.nature as Nature,
    archived: c.archived_at !== null,
    keyFor: [...(roles.get(c.id) ?? new Map<string, boolean>())]
      .filter(([, key]) => key)
      .map(([criterion]) => criterion),
  }));
  const existing = linksOf(vault.db, 'control_reliance');
  let count = 0;
  for (const l of defaultReliance(candidates)) {
    if (!added.has(l.controlId) && !added.has(l.reliesOnId)) continue;
    if (existing.get(l.controlId)?.includes(l.reliesOnId)) continue;
    runExpect(
      vault.db,
      vault.db.qb
        .insertInto('control_reliance')
        .values({ control_id: l.controlId, relies_on_id: l.reliesOnId }),
    );
    recordChange(vault, {
      action: 'create',
      entity: 'control_reliance',
      entityId: linkId(l.controlId, l.reliesOnId),
      payload: { default: true },
    });
    count++;
  }
  return count;
}

/**
 * The attribute grid of a self-test and the deviations it finds (T, issue 18 items 3–4). A failed
 * cell becomes a deviation, linked to its item and attribute. A deviation is never deleted: a
 * management response or a remediation never closes it; a cell corrected because it was entered
 * in error withdraws its deviation with the reason given, and the row stays.
 */
import type { z } from 'zod';
import type {
  Deviation,
  attributesInput,
  deviationPatch,
  setCellInput,
} from '../../../shared/api/self-tests';
import { AttestError } from '../../../shared/api/errors';
import { recordChange } from '../../db/audit';
import { linkId } from '../../db/audited';
import { run, runExpect, tx } from '../../db/connection';
import { getEvidenceRow } from '../../db/repos/evidence';
import {
  attributeRows,
  cellRows,
  getCell,
  getDeviationRow,
  itemRows,
  nextSeq,
  openDeviationOfCell,
} from '../../db/repos/self-tests';
import type { DeviationTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { getSelfTestDetail, listDeviations, requireSelfTest, toSummary } from './view';

/**
 * Replaces a test's attribute list: attributes given with their id are kept (maybe reworded), new
 * ones added, and any left out removed — refused for one that already has results in the grid.
 */
export function setAttributes(vault: Vault, input: z.output<typeof attributesInput>) {
  tx(vault.db, () => {
    const t = requireSelfTest(vault, input.id);
    const existing = new Map(attributeRows(vault.db, t.id).map((a) => [a.id, a]));
    const kept = new Set(input.attributes.flatMap((a) => (a.id ? [a.id] : [])));
    for (const id of kept) {
      if (!existing.has(id))
        throw new AttestError('not_found', `No attribute ${id} in ${t.ref}`, [
          { path: ['attributes'], message: 'An attribute of another test' },
        ]);
    }
    const answered = new Set(cellRows(vault.db, t.id).map((c) => c.attribute_id));
    for (const [id, a] of existing) {
      if (kept.has(id)) continue;
      if (answered.has(id)) {
        throw new AttestError(
          'conflict',
          `"${a.text}" already has results in the grid; it cannot be removed (reword it instead).`,
        );
      }
      runExpect(vault.db, vault.db.qb.deleteFrom('self_test_attribute').where('id', '=', id));
      recordChange(vault, { action: 'delete', entity: 'self_test_attribute', entityId: id });
    }
    input.attributes.forEach((a, i) => {
      const position = i + 1;
      const old = a.id ? existing.get(a.id) : undefined;
      if (old) {
        if (old.text === a.text && old.position === position) return;
        runExpect(
          vault.db,
          vault.db.qb
            .updateTable('self_test_attribute')
            .set({ text: a.text, position })
            .where('id', '=', old.id),
        );
        recordChange(vault, { action: 'update', entity: 'self_test_attribute', entityId: old.id });
        return;
      }
      const id = vault.ids.next('tsa');
      runExpect(
        vault.db,
        vault.db.qb
          .insertInto('self_test_attribute')
          .values({ id, test_id: t.id, position, text: a.text }),
      );
      recordChange(vault, { action: 'create', entity: 'self_test_attribute', entityId: id });
    });
  });
  return getSelfTestDetail(vault, input.id);
}

export function setCell(vault: Vault, input: z.output<typeof setCellInput>) {
  const deviationId = tx(vault.db, () => {
    const t = requireSelfTest(vault, input.testId);
    const item = itemRows(vault.db, t.id).find((i) => i.id === input.itemId);
    const attribute = attributeRows(vault.db, t.id).find((a) => a.id === input.attributeId);
    if (!item) throw new AttestError('not_found', `No sampled item ${input.itemId} in ${t.ref}`);
    if (!attribute)
      throw new AttestError('not_found', `No attribute ${input.attributeId} in ${t.ref}`);
    if (input.evidenceId && !getEvidenceRow(vault.db, input.evidenceId)) {
      throw new AttestError('not_found', `No evidence item ${input.evidenceId}`, [
        { path: ['evidenceId'], message: 'Choose an evidence item' },
      ]);
    }
    const now = vault.now();
    const open = openDeviationOfCell(vault.db, item.id, attribute.id);
    if (open && input.result !== 'fail') {
      if (!input.correction) {
        throw new AttestError(
          'conflict',
          `This failure is deviation ${open.ref}, and a deviation is never erased. If the cell was entered in error, say why as a correction: the deviation is then withdrawn and kept with your reason.`,
          [{ path: ['correction'], message: 'Say why the failure was entered in error' }],
        );
      }
      runExpect(
        vault.db,
        vault.db.qb
          .updateTable('deviation')
          .set({ withdrawn_reason: input.correction, withdrawn_at: now, updated_at: now })
          .where('id', '=', open.id),
      );
      recordChange(vault, {
        action: 'update',
        entity: 'deviation',
        entityId: open.id,
        payload: { withdrawn: input.correction },
      });
    }
    const values = {
      result: input.result,
      note: input.note || null,
      evidence_id: input.evidenceId,
      updated_at: now,
    };
    const existed = getCell(vault.db, item.id, attribute.id) !== undefined;
    if (existed) {
      run(
        vault.db,
        vault.db.qb
          .updateTable('self_test_cell')
          .set(values)
          .where('item_id', '=', item.id)
          .where('attribute_id', '=', attribute.id),
      );
    } else {
      runExpect(
        vault.db,
        vault.db.qb
          .insertInto('self_test_cell')
          .values({ item_id: item.id, attribute_id: attribute.id, ...values }),
      );
    }
    recordChange(vault, {
      action: existed ? 'update' : 'create',
      entity: 'self_test_cell',
      entityId: linkId(item.id, attribute.id),
      payload: { result: input.result },
    });
    if (input.result !== 'fail') return null;
    if (open) return open.id;
    const seq = nextSeq(vault.db, 'deviation');
    const id = vault.ids.next('dev');
    const row: DeviationTable = {
      id,
      seq,
      ref: `DEV-${seq}`,
      test_id: t.id,
      control_id: t.control_id,
      item_id: item.id,
      attribute_id: attribute.id,
      occurred_on: item.item_date,
      extent: 'isolated',
      compensating_control: null,
      root_cause: null,
      remediation: null,
      remediated_on: null,
      management_response: null,
      withdrawn_reason: null,
      withdrawn_at: null,
      created_at: now,
      updated_at: now,
    };
    runExpect(vault.db, vault.db.qb.insertInto('deviation').values(row));
    // Every field the form edits, empty ones too: the first edit of each then reads
    // "management response: — → …" in the history rather than "not recorded → …".
    recordChange(vault, {
      action: 'create',
      entity: 'deviation',
      entityId: id,
      payload: deviationFields(row),
    });
    return id;
  });
  const t = requireSelfTest(vault, input.testId);
  const cell = getCell(vault.db, input.itemId, input.attributeId)!;
  return {
    cell: {
      itemId: cell.item_id,
      attributeId: cell.attribute_id,
      result: cell.result,
      note: cell.note ?? '',
      evidenceId: cell.evidence_id,
      updatedAt: cell.updated_at,
    },
    deviation: deviationId ? deviationById(vault, deviationId) : null,
    test: toSummary(vault, t),
  };
}

function deviationById(vault: Vault, id: string): Deviation {
  const row = getDeviationRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No deviation ${id} in this vault`);
  return listDeviations(vault, { testId: row.test_id }).find((d) => d.id === id)!;
}

/**
 * Records what is known about a deviation: its date, isolated or systematic, the compensating
 * control, root cause, remediation and management's response. None of them closes it.
 */
export function updateDeviation(
  vault: Vault,
  id: string,
  patch: z.output<typeof deviationPatch>,
): Deviation {
  tx(vault.db, () => {
    const row = getDeviationRow(vault.db, id);
    if (!row) throw new AttestError('not_found', `No deviation ${id} in this vault`);
    if (row.withdrawn_at) {
      throw new AttestError('conflict', `${row.ref} was withdrawn; it is kept as it was.`);
    }
    const cols: Partial<DeviationTable> = { updated_at: vault.now() };
    if (patch.occurredOn !== undefined) cols.occurred_on = patch.occurredOn;
    if (patch.extent !== undefined) cols.extent = patch.extent;
    if (patch.compensatingControl !== undefined)
      cols.compensating_control = patch.compensatingControl || null;
    if (patch.rootCause !== undefined) cols.root_cause = patch.rootCause || null;
    if (patch.remediation !== undefined) cols.remediation = patch.remediation || null;
    if (patch.remediatedOn !== undefined) cols.remediated_on = patch.remediatedOn;
    if (patch.managementResponse !== undefined)
      cols.management_response = patch.managementResponse || null;
    runExpect(vault.db, vault.db.qb.updateTable('deviation').set(cols).where('id', '=', id));
    // The values stored, under the patch's names: the history reads each field's value before
    // from the record's earlier entries (the log keeps no old states), so an edit must record
    // its values, not only which fields it touched.
    const stored = deviationFields({ ...row, ...cols });
    recordChange(vault, {
      action: 'update',
      entity: 'deviation',
      entityId: id,
      payload: Object.fromEntries(Object.keys(patch).map((k) => [k, stored[k as DeviationField]])),
    });
  });
  return deviationById(vault, id);
}

type DeviationField = keyof z.output<typeof deviationPatch>;

/** A deviation's editable fields as the API names them, with the values stored. */
function deviationFields(row: DeviationTable): Record<DeviationField, string | null> {
  return {
    occurredOn: row.occurred_on,
    extent: row.extent,
    compensatingControl: row.compensating_control,
    rootCause: row.root_cause,
    remediation: row.remediation,
    remediatedOn: row.remediated_on,
    managementResponse: row.management_response,
  };
}

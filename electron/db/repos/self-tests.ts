import { type VaultDb, all, first, runExpect } from '../connection';
import type {
  DeviationTable,
  SelfTestAttributeTable,
  SelfTestCellTable,
  SelfTestItemTable,
  SelfTestTable,
} from '../schema';

/** Self-test rows (T): plain reads and writes; the rules live in `electron/core/self-tests`. */
export function getSelfTestRow(db: VaultDb, id: string): SelfTestTable | undefined {
  return first(db, db.qb.selectFrom('self_test').selectAll().where('id', '=', id));
}

export function listSelfTestRows(db: VaultDb, controlId?: string): SelfTestTable[] {
  let q = db.qb.selectFrom('self_test').selectAll();
  if (controlId) q = q.where('control_id', '=', controlId);
  return all(db, q.orderBy('seq'));
}

export function nextSeq(db: VaultDb, table: 'self_test' | 'deviation'): number {
  const row = first(
    db,
    db.qb.selectFrom(table).select((eb) => eb.fn.max<number | null>('seq').as('n')),
  );
  return Number(row?.n ?? 0) + 1;
}

export function insertSelfTest(db: VaultDb, row: SelfTestTable): void {
  runExpect(db, db.qb.insertInto('self_test').values(row));
}

export function touchSelfTest(db: VaultDb, id: string, at: string): void {
  runExpect(db, db.qb.updateTable('self_test').set({ updated_at: at }).where('id', '=', id));
}

export function itemRows(db: VaultDb, testId: string): SelfTestItemTable[] {
  return all(
    db,
    db.qb
      .selectFrom('self_test_item')
      .selectAll()
      .where('test_id', '=', testId)
      .orderBy('position'),
  );
}

export function insertItem(db: VaultDb, row: SelfTestItemTable): void {
  runExpect(db, db.qb.insertInto('self_test_item').values(row));
}

export function attributeRows(db: VaultDb, testId: string): SelfTestAttributeTable[] {
  return all(
    db,
    db.qb
      .selectFrom('self_test_attribute')
      .selectAll()
      .where('test_id', '=', testId)
      .orderBy('position'),
  );
}

export function cellRows(db: VaultDb, testId: string): SelfTestCellTable[] {
  return all(
    db,
    db.qb
      .selectFrom('self_test_cell as c')
      .innerJoin('self_test_item as i', 'i.id', 'c.item_id')
      .selectAll('c')
      .where('i.test_id', '=', testId),
  );
}

export function getCell(
  db: VaultDb,
  itemId: string,
  attributeId: string,
): SelfTestCellTable | undefined {
  return first(
    db,
    db.qb
      .selectFrom('self_test_cell')
      .selectAll()
      .where('item_id', '=', itemId)
      .where('attribute_id', '=', attributeId),
  );
}

export function deviationRows(
  db: VaultDb,
  by: { testId?: string; controlId?: string } = {},
): DeviationTable[] {
  let q = db.qb.selectFrom('deviation').selectAll();
  if (by.testId) q = q.where('test_id', '=', by.testId);
  if (by.controlId) q = q.where('control_id', '=', by.controlId);
  return all(db, q.orderBy('seq'));
}

export function getDeviationRow(db: VaultDb, id: string): DeviationTable | undefined {
  return first(db, db.qb.selectFrom('deviation').selectAll().where('id', '=', id));
}

/** The deviation a failed cell became, unless withdrawn. */
export function openDeviationOfCell(
  db: VaultDb,
  itemId: string,
  attributeId: string,
): DeviationTable | undefined {
  return first(
    db,
    db.qb
      .selectFrom('deviation')
      .selectAll()
      .where('item_id', '=', itemId)
      .where('attribute_id', '=', attributeId)
      .where('withdrawn_at', 'is', null),
  );
}

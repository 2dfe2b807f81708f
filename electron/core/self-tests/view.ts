/**
 * Self-tests as the contract shows them: the summary a control, the gap analysis and the dashboard
 * show ("Self-test: N deviations in M items", with its flags), the full grid, and each deviation
 * with whether it is reportable and still awaits management's response.
 */
import {
  type Deviation,
  SELF_TEST_LABEL,
  type SelfTestDetail,
  type SelfTestSummary,
} from '../../../shared/api/self-tests';
import { AttestError } from '../../../shared/api/errors';
import type { Frequency } from '../../../shared/domain/catalog';
import type { DeviationState } from '../../../shared/domain/coverage';
import { expansionAfterDeviation } from '../../../shared/domain/sample-size';
import { deviationStateOf, isReportable, resultWording } from '../../../shared/domain/self-test';
import { all } from '../../db/connection';
import { getControlRow } from '../../db/repos/controls';
import { getEvidenceRow, getPopulationRow } from '../../db/repos/evidence';
import {
  attributeRows,
  cellRows,
  deviationRows,
  getSelfTestRow,
  itemRows,
  listSelfTestRows,
} from '../../db/repos/self-tests';
import type { DeviationTable, SelfTestCellTable, SelfTestTable } from '../../db/schema';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { sizeTableOf } from './size-table';

export function requireSelfTest(vault: Vault, id: string): SelfTestTable {
  const row = getSelfTestRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No self-test ${id} in this vault`);
  return row;
}

/**
 * Why the population a sample was drawn from no longer matches it, or null: its file's SHA-256
 * differs from the one recorded when drawn, it was superseded, or it was re-read since.
 */
export function populationChange(vault: Vault, t: SelfTestTable): string | null {
  if (!t.population_id) return null;
  const item = getEvidenceRow(vault.db, t.population_id);
  if (!item) return 'The population this sample was drawn from is gone.';
  if (item.file_sha256 !== t.population_sha256) {
    return `${item.ref} changed after this sample was drawn (its file's SHA-256 is not the one recorded): the sample no longer shows what was tested — draw a new one.`;
  }
  if (item.superseded_by_id) {
    const by = getEvidenceRow(vault.db, item.superseded_by_id);
    return `${item.ref} was superseded by ${by?.ref ?? 'a newer item'} after this sample was drawn: test from the new population.`;
  }
  const population = getPopulationRow(vault.db, item.id);
  if (population && population.read_at > t.drawn_at) {
    return `${item.ref} was recorded again after this sample was drawn (its window or date column may differ): check the sample still stands.`;
  }
  return null;
}

/** The period start a test's deviations are judged against (Type I: the as-of date). */
function reportStart(vault: Vault): string | null {
  const e = getEngagement(vault);
  return e.reportType === 'type1' ? e.asOf : (e.period?.start ?? null);
}

const facts = (d: DeviationTable) => ({
  occurredOn: d.occurred_on,
  remediatedOn: d.remediated_on,
  extent: d.extent,
  withdrawn: d.withdrawn_at !== null,
});

function toDeviations(vault: Vault, rows: DeviationTable[]): Deviation[] {
  if (rows.length === 0) return [];
  const start = reportStart(vault);
  const tests = new Map<string, SelfTestTable>();
  const cells = new Map<string, SelfTestCellTable[]>();
  const labels = new Map<string, string>();
  const attributes = new Map<string, string>();
  for (const testId of new Set(rows.map((r) => r.test_id))) {
    tests.set(testId, requireSelfTest(vault, testId));
    cells.set(testId, cellRows(vault.db, testId));
    for (const i of itemRows(vault.db, testId)) labels.set(i.id, i.label);
    for (const a of attributeRows(vault.db, testId)) attributes.set(a.id, a.text);
  }
  return rows.map((d) => {
    const mine = cells.get(d.test_id)!.filter((c) => c.attribute_id === d.attribute_id);
    return {
      id: d.id,
      ref: d.ref,
      testId: d.test_id,
      testRef: tests.get(d.test_id)!.ref,
      controlId: d.control_id,
      itemId: d.item_id,
      itemLabel: labels.get(d.item_id) ?? '',
      attributeId: d.attribute_id,
      attribute: attributes.get(d.attribute_id) ?? '',
      occurredOn: d.occurred_on,
      failedOf: {
        failed: mine.filter((c) => c.result === 'fail').length,
        of: mine.filter((c) => c.result !== 'na').length,
      },
      extent: d.extent,
      compensatingControl: d.compensating_control ?? '',
      rootCause: d.root_cause ?? '',
      remediation: d.remediation ?? '',
      remediatedOn: d.remediated_on,
      managementResponse: d.management_response ?? '',
      responseMissing: d.withdrawn_at === null && !d.management_response,
      reportable: start === null ? d.withdrawn_at === null : isReportable(facts(d), start),
      withdrawn:
        d.withdrawn_at !== null ? { reason: d.withdrawn_reason ?? '', at: d.withdrawn_at } : null,
      createdAt: d.created_at,
      updatedAt: d.updated_at,
    };
  });
}

export function listDeviations(vault: Vault, by: { controlId?: string; testId?: string }) {
  return toDeviations(vault, deviationRows(vault.db, by));
}

export function toSummary(vault: Vault, t: SelfTestTable): SelfTestSummary {
  const items = itemRows(vault.db, t.id);
  const attributes = attributeRows(vault.db, t.id);
  const cells = cellRows(vault.db, t.id);
  const answered = new Map<string, number>();
  for (const c of cells) answered.set(c.item_id, (answered.get(c.item_id) ?? 0) + 1);
  const deviations = deviationRows(vault.db, { testId: t.id }).filter(
    (d) => d.withdrawn_at === null,
  );
  const control = getControlRow(vault.db, t.control_id);
  const retest = all(
    vault.db,
    vault.db.qb.selectFrom('self_test').select('id').where('retest_of_id', '=', t.id).limit(1),
  )[0];
  return {
    id: t.id,
    ref: t.ref,
    controlId: t.control_id,
    controlRef: control?.ref ?? '',
    kind: t.kind,
    drawFrom: t.source,
    populationId: t.population_id,
    method: t.method,
    seed: t.seed,
    start: t.start,
    period: { start: t.period_start, end: t.period_end },
    drawnBy: t.drawn_by,
    drawnAt: t.drawn_at,
    populationSize: t.population_size,
    sampleSize: items.length,
    itemsTested: items.filter((i) => (answered.get(i.id) ?? 0) >= attributes.length).length,
    deviations: deviations.length,
    result: resultWording(deviations.length, items.length),
    completenessMissing: t.completeness_missing === 1,
    populationChanged: populationChange(vault, t),
    retestOfId: t.retest_of_id,
    retestedById: retest?.id ?? null,
    label: SELF_TEST_LABEL,
  };
}

export function listSelfTests(vault: Vault, controlId?: string): SelfTestSummary[] {
  return listSelfTestRows(vault.db, controlId).map((t) => toSummary(vault, t));
}

export function getSelfTestDetail(vault: Vault, id: string): SelfTestDetail {
  const t = requireSelfTest(vault, id);
  const summary = toSummary(vault, t);
  const items = itemRows(vault.db, t.id);
  const control = getControlRow(vault.db, t.control_id)!;
  const deviationList = listDeviations(vault, { testId: t.id });
  const open = deviationList.filter((d) => d.withdrawn === null);
  let expansion: SelfTestDetail['expansion'];
  if (open.length === 0) {
    expansion = {
      allowed: false,
      to: null,
      reason: 'No deviation: expected deviations are zero, so there is nothing to expand for.',
    };
  } else if (t.kind === 'walkthrough' || t.kind === 'automated') {
    expansion = {
      allowed: false,
      to: null,
      reason:
        t.kind === 'walkthrough'
          ? 'A Type I walkthrough is one instance: it is not expanded.'
          : 'An automated control is tested once, with the IT general controls it relies on: it is not expanded.',
    };
  } else {
    expansion = expansionAfterDeviation({
      frequency: control.frequency as Frequency,
      currentSize: items.length,
      populationSize: t.population_size,
      table: sizeTableOf(vault).table,
    });
  }
  const sizeTable = JSON.parse(t.size_table) as { name: string; source: string };
  return {
    ...summary,
    plannedSize: t.planned_size,
    sizeBasis: t.size_basis,
    sizeTable,
    populationSha256: t.population_sha256,
    items: items.map((i) => ({
      id: i.id,
      position: i.position,
      round: i.round,
      sourceIndex: i.source_index,
      sourceRow: i.source_row,
      label: i.label,
      date: i.item_date,
      data: JSON.parse(i.data) as Record<string, string>,
    })),
    attributes: attributeRows(vault.db, t.id).map((a) => ({
      id: a.id,
      position: a.position,
      text: a.text,
    })),
    cells: cellRows(vault.db, t.id).map((c) => ({
      itemId: c.item_id,
      attributeId: c.attribute_id,
      result: c.result,
      note: c.note ?? '',
      evidenceId: c.evidence_id,
      updatedAt: c.updated_at,
    })),
    deviationList,
    expansion,
  };
}

/**
 * Each control's deviation state for the coverage rule, over every test of it (a re-test never
 * erases what an earlier test found inside the period).
 */
export function deviationStateByControl(vault: Vault): Map<string, DeviationState> {
  const start = reportStart(vault);
  const byControl = new Map<string, DeviationTable[]>();
  for (const d of deviationRows(vault.db)) {
    byControl.set(d.control_id, [...(byControl.get(d.control_id) ?? []), d]);
  }
  const out = new Map<string, DeviationState>();
  for (const [controlId, rows] of byControl) {
    out.set(controlId, deviationStateOf(rows.map(facts), start ?? '0000-01-01'));
  }
  return out;
}

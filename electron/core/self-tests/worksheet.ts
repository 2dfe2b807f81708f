/**
 * The testing worksheet of one self-test as XLSX (T, issue 18 item 6): how the sample was drawn
 * (population reference and SHA-256, seed or start, who and when, the size and its source), the
 * sample with the attribute grid, and the deviations. Cells are written safe as every export is
 * (`files/tabular.ts`): text that looks like a formula stays text.
 */
import { SELF_TEST_LABEL } from '../../../shared/api/self-tests';
import { getControlRow } from '../../db/repos/controls';
import { getEvidenceRow } from '../../db/repos/evidence';
import { type GeneratedDocument, fileSlug } from '../files/generated';
import { type Column, type Sheet, writeXlsxSheets } from '../files/tabular';
import type { Vault } from '../vault/session';
import { getSelfTestDetail, requireSelfTest } from './view';

const RESULT_WORDS = { pass: 'Pass', fail: 'Fail', na: 'N/A' } as const;

export function worksheet(vault: Vault, testId: string): GeneratedDocument {
  const { fileName, sheets } = worksheetBook(vault, testId);
  return { fileName, write: (path) => writeXlsxSheets(path, sheets) };
}

/** The worksheet's name (dated `on`, today unless given) and its three sheets. */
export function worksheetBook(
  vault: Vault,
  testId: string,
  on: string = vault.now().slice(0, 10),
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
): { fileName: string; controlRef: string; sheets: Sheet<any>[] } {
  const t = getSelfTestDetail(vault, testId);
  const control = getControlRow(vault.db, t.controlId)!;
  const population = t.populationId ? getEvidenceRow(vault.db, t.populationId) : undefined;
  const facts: [string, string | number][] = [
    ['', SELF_TEST_LABEL],
    ['Test', t.ref],
    ['Control', `${control.ref} — ${control.title}`],
    ['Test procedure', control.test_procedure],
    ['Period tested', `${t.period.start} to ${t.period.end}`],
    [
      'Drawn from',
      population
        ? `Population ${population.ref} (${population.file_name ?? population.title})`
        : 'The control’s occurrence windows',
    ],
    ['Population SHA-256 when drawn', t.populationSha256 ?? ''],
    ['Items in the population', t.populationSize],
    ['Selection', t.method === 'random' ? 'Random' : 'Systematic'],
    ['Seed', t.seed],
    ['Systematic start', t.start ?? ''],
    ['Drawn by', t.drawnBy],
    ['Drawn at', t.drawnAt],
    ['Sample size', t.sampleSize],
    ['Why this size', t.sizeBasis],
    ['Sample-size table', `${t.sizeTable.name}: ${t.sizeTable.source}`],
    ['Result', t.result],
  ];
  if (t.completenessMissing)
    facts.push(['Flag', 'The population has no completeness and accuracy evidence']);
  if (t.populationChanged) facts.push(['Flag', t.populationChanged]);
  // The test repeated, by the reference a reader finds on its own worksheet (ST-n), not its id.
  if (t.retestOfId) {
    const old = requireSelfTest(vault, t.retestOfId);
    facts.push(['Re-test of', `${old.ref} (drawn ${old.drawn_at.slice(0, 10)})`]);
  }

  const cells = new Map(t.cells.map((c) => [`${c.itemId}|${c.attributeId}`, c]));
  type Item = (typeof t.items)[number];
  const itemColumns: Column<Item>[] = [
    { header: '#', width: 5, value: (i) => i.position },
    { header: 'Round', width: 7, value: (i) => (i.round === 0 ? 'Drawn' : `Expansion ${i.round}`) },
    { header: 'Row in file', width: 10, value: (i) => i.sourceRow },
    { header: 'Item', width: 40, value: (i) => i.label },
    { header: 'Date', width: 12, value: (i) => i.date },
    ...t.attributes.flatMap((a, k): Column<Item>[] => [
      {
        header: `A${k + 1}: ${a.text}`,
        width: 20,
        value: (i) => {
          const c = cells.get(`${i.id}|${a.id}`);
          return c ? RESULT_WORDS[c.result] : '';
        },
      },
      {
        header: `A${k + 1} note`,
        width: 24,
        value: (i) => cells.get(`${i.id}|${a.id}`)?.note ?? '',
      },
    ]),
  ];
  type Dev = (typeof t.deviationList)[number];
  const deviationColumns: Column<Dev>[] = [
    { header: 'Deviation', width: 10, value: (d) => d.ref },
    { header: 'Date', width: 12, value: (d) => d.occurredOn },
    { header: 'Sampled item', width: 30, value: (d) => d.itemLabel },
    { header: 'Failed attribute', width: 30, value: (d) => d.attribute },
    {
      header: 'Failed of tested',
      width: 10,
      value: (d) => `${d.failedOf.failed} of ${d.failedOf.of}`,
    },
    { header: 'Isolated or systematic', width: 14, value: (d) => d.extent },
    { header: 'Compensating control', width: 24, value: (d) => d.compensatingControl },
    { header: 'Root cause', width: 24, value: (d) => d.rootCause },
    { header: 'Remediation', width: 24, value: (d) => d.remediation },
    { header: 'Remediated on', width: 12, value: (d) => d.remediatedOn },
    {
      header: 'Management response',
      width: 30,
      value: (d) => d.managementResponse || 'Missing',
    },
    { header: 'Reportable', width: 10, value: (d) => (d.reportable ? 'Yes' : 'No') },
    {
      header: 'Withdrawn',
      width: 24,
      value: (d) => (d.withdrawn ? `${d.withdrawn.at}: ${d.withdrawn.reason}` : ''),
    },
  ];
  const fileName = `Self-test_${fileSlug(control.ref, 'control')}_${t.ref}_${on}.xlsx`;
  return {
    fileName,
    controlRef: control.ref,
    sheets: [
      {
        name: 'Test',
        columns: [
          { header: 'Field', width: 28, value: (r: [string, string | number]) => r[0] },
          { header: 'Value', width: 80, value: (r: [string, string | number]) => r[1] },
        ],
        rows: facts,
      },
      { name: 'Sample and grid', columns: itemColumns, rows: t.items },
      { name: 'Deviations', columns: deviationColumns, rows: t.deviationList },
    ],
  };
}

/**
 * The generated documents of the package outside `01_Index/`: the system description and the
 * management assertion (DOCX + PDF, with the CUECs and the subservice list), the policies in
 * force during the period (PDF + Markdown), the vendor reports with our review notes, and — only
 * when asked — `07_Internal/`, the one place self-test results appear.
 */
import type { Deviation } from '../../../shared/api/self-tests';
import { safeSegment } from '../../../shared/domain/package/manifest';
import { type Column, csvBytes, xlsxBytes } from '../files/tabular';
import { renderPolicyVersion } from '../policies/export';
import { readinessReportPdf } from '../readiness/report';
import { renderDocument } from '../sd/export';
import { listDeviations, listSelfTests } from '../self-tests/view';
import { worksheetBook } from '../self-tests/worksheet';
import { timingLabel } from '../../../shared/domain/system-description-wording';
import {
  EXCEPTIONS_ASSESSMENT_LABELS,
  type ExceptionsAssessment,
} from '../../../shared/domain/system-description';
import {
  type PackageEntry,
  type PlannedEntry,
  digestOf,
  generated,
  recordOfBytes,
  renderLater,
} from './entry';
import { SUBSERVICE_DIR, extensionOf, fitPath } from './layout';
import type { PackageModel } from './model';

export const DESCRIPTION_DIR = '02_System_Description';
export const POLICIES_DIR = '03_Policies';
export const INTERNAL_DIR = '07_Internal';

const list = (items: readonly string[]) => items.join(', ');

export async function descriptionEntries(model: PackageModel): Promise<PlannedEntry[]> {
  const at = new Date(model.contentTime);
  const out: PlannedEntry[] = [];
  const names = { description: 'System-Description', assertion: 'Management-Assertion' } as const;
  const e = model.engagement;
  for (const document of ['description', 'assertion'] as const) {
    // What the DOCX and PDF say, without the time they are stamped with: the draft's Markdown
    // and the header's client and timing.
    const markdown = (await renderDocument(model.vault, document, 'md', at)).bytes;
    for (const format of ['docx', 'pdf'] as const) {
      const path = `${DESCRIPTION_DIR}/${names[document]}.${format}`;
      out.push({
        ...renderLater(
          path,
          'system-description',
          async () => (await renderDocument(model.vault, document, format, at)).bytes,
        ),
        record: {
          kind: 'document',
          id: names[document],
          part: digestOf(path, markdown.toString('utf8'), e.client, timingLabel(e)),
        },
      });
    }
  }
  type Cuec = PackageModel['cuecs'][number];
  const cuecColumns: Column<Cuec>[] = [
    { header: 'CUEC', width: 8, value: (c) => `CUEC-${model.cuecs.indexOf(c) + 1}` },
    { header: 'Description', width: 60, value: (c) => c.description },
    { header: 'Criteria', width: 20, value: (c) => list(c.criteria) },
  ];
  const orgColumns: Column<Org>[] = [
    { header: 'Ref', width: 8, value: (s) => s.ref },
    { header: 'Organisation', width: 24, value: (s) => s.name },
    { header: 'Services', width: 40, value: (s) => s.services },
    { header: 'Method', width: 12, value: (s) => s.method },
    { header: 'Criteria', width: 20, value: (s) => list(s.criteria) },
    { header: 'Report type', width: 14, value: (s) => s.report_type ?? '' },
    {
      header: 'Report period',
      width: 24,
      value: (s) =>
        s.report_period_start && s.report_period_end
          ? `${s.report_period_start} to ${s.report_period_end}`
          : '',
    },
    { header: 'Reviewed on', width: 12, value: (s) => s.reviewed_on ?? '' },
    { header: 'Exceptions', width: 16, value: (s) => exceptionsLabel(s) },
    { header: 'Bridge letter', width: 28, value: (s) => bridgeLetterLabel(s) ?? '' },
  ];
  for (const [base, sheet, columns, rows] of [
    ['CUECs', 'CUECs', cuecColumns, model.cuecs],
    ['Subservice-Organisations', 'Subservice organisations', orgColumns, model.subservices],
  ] as const) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- two row types in one loop
    const c = columns as Column<any>[];
    // The CSV's bytes hold no time: they stand for what the XLSX shows too.
    const csv = csvBytes(c, [...rows]);
    const xlsxPath = `${DESCRIPTION_DIR}/${base}.xlsx`;
    const csvPath = `${DESCRIPTION_DIR}/${base}.csv`;
    out.push(
      {
        ...renderLater(xlsxPath, 'system-description', () =>
          xlsxBytes([{ name: sheet, columns: c, rows: [...rows] }], at),
        ),
        record: recordOfBytes('document', base, xlsxPath, csv),
      },
      {
        ...generated(csvPath, 'system-description', csv),
        record: recordOfBytes('document', base, csvPath, csv),
      },
    );
  }
  return out;
}

/** `POL-08_Access-Control_v3_approved-2026-02-01.pdf` (+ `.md`); a draft ends `_draft`. */
export async function policyEntries(model: PackageModel): Promise<PlannedEntry[]> {
  const at = new Date(model.contentTime);
  const out: PlannedEntry[] = [];
  for (const p of model.policies) {
    const v = p.version;
    const state = v.status === 'approved' ? `approved-${v.approved_on}` : 'draft';
    const controls = model.controls
      .filter((c) => c.policies.some((name) => name.startsWith(`${p.ref} `)))
      .map((c) => c.ref);
    const policyVersion = `${p.ref} v${v.number}`;
    // The Markdown holds no time: with the client named on the PDF's pages it is what both say.
    const markdown = (await renderPolicyVersion(model.vault, v.id, 'md', at)).bytes;
    for (const format of ['pdf', 'md'] as const) {
      const path = fitPath(
        POLICIES_DIR,
        p.ref,
        `${safeSegment(p.policy.title, 40)}_v${v.number}_${state}`,
        `.${format}`,
      );
      out.push({
        ...(format === 'md'
          ? generated(path, 'policy', markdown)
          : renderLater(
              path,
              'policy',
              async () => (await renderPolicyVersion(model.vault, v.id, format, at)).bytes,
            )),
        policyVersion,
        controls,
        record: {
          kind: 'policy',
          id: policyVersion,
          part: digestOf(path, markdown.toString('utf8'), model.engagement.client, controls),
        },
      });
    }
  }
  return out;
}

type Org = PackageModel['subservices'][number];

function exceptionsLabel(s: Org): string {
  const a = (s.exceptions_assessment ?? 'not_assessed') as ExceptionsAssessment;
  return EXCEPTIONS_ASSESSMENT_LABELS[a];
}

function bridgeLetterLabel(s: Org): string | null {
  if (!s.bridge_received_on || !s.bridge_period_start || !s.bridge_period_end) return null;
  return `received ${s.bridge_received_on}, covering ${s.bridge_period_start} to ${s.bridge_period_end}`;
}

/**
 * Our review notes of each vendor's report, beside the report itself (the writer adds it). Files
 * and the delta record go by the organisation's stable id (`SUB-01`): names alone collide once
 * folded into a file name ("Acme, Inc." and "Acme Inc"), and a renamed vendor stays one record.
 */
export function subserviceEntries(model: PackageModel): PackageEntry[] {
  const out: PackageEntry[] = [];
  const evidenceRef = new Map(model.evidence.map((e) => [e.row.id, e.row.ref]));
  for (const s of model.subservices) {
    const conclusion = s.exceptions_conclusion?.trim();
    const letter = bridgeLetterLabel(s);
    const letterFile = s.bridge_evidence_id
      ? (evidenceRef.get(s.bridge_evidence_id) ?? 'an evidence item not in this package')
      : null;
    const notes = [
      `# ${s.ref} ${s.name}: review of the vendor's report`,
      '',
      `- **Services:** ${s.services}`,
      `- **Method:** ${s.method}`,
      `- **Criteria:** ${list(s.criteria) || 'none recorded'}`,
      `- **Report:** ${s.report_type ?? 'not recorded'}${s.report_period_start && s.report_period_end ? `, ${s.report_period_start} to ${s.report_period_end}` : ''}`,
      `- **Opinion:** ${s.report_opinion ?? 'not recorded'}`,
      `- **Exceptions noted:** ${s.report_exceptions?.trim() || 'none recorded'}`,
      `- **Exceptions assessed:** ${exceptionsLabel(s)}${conclusion ? `: ${conclusion}` : ''}`,
      `- **Bridge to our period:** ${s.bridge_gap?.trim() || 'none recorded'}`,
      `- **Bridge letter:** ${letter ?? 'none received'}${letter && letterFile ? ` (kept as ${letterFile})` : ''}${letter && s.bridge_note?.trim() ? `; ${s.bridge_note.trim()}` : ''}`,
      `- **Reviewed on:** ${s.reviewed_on ?? 'not reviewed yet'}`,
      '',
    ].join('\n');
    const notesPath = fitPath(SUBSERVICE_DIR, s.ref, s.name, '_review-notes.md');
    const notesBytes = Buffer.from(notes, 'utf8');
    out.push({
      ...generated(notesPath, 'subservice', notesBytes),
      criteria: s.criteria,
      record: recordOfBytes('subservice', s.ref, notesPath, notesBytes),
    });
    if (s.report_blob_id !== null && s.report_size !== null) {
      const path = fitPath(
        SUBSERVICE_DIR,
        s.ref,
        s.name,
        `_report${extensionOf(s.report_file_name)}`,
      );
      out.push({
        path,
        kind: 'subservice',
        controls: [],
        criteria: s.criteria,
        requests: [],
        source: { blobId: s.report_blob_id, size: s.report_size },
        record: {
          kind: 'subservice',
          id: s.ref,
          part: digestOf(path, s.report_sha256, s.criteria),
        },
      });
    }
  }
  return out;
}

/**
 * `07_Internal/`: the readiness report, every self-test's worksheet and one deviations list
 * (CSV), as of the package's content time like every document (model.ts).
 */
export async function internalEntries(model: PackageModel): Promise<PackageEntry[]> {
  const at = new Date(model.contentTime);
  const day = model.contentTime.slice(0, 10);
  const out: PackageEntry[] = [];
  const report = await readinessReportPdf(model.vault);
  out.push(generated(`${INTERNAL_DIR}/Readiness-report.pdf`, 'internal', report.bytes));
  for (const t of listSelfTests(model.vault)) {
    const book = worksheetBook(model.vault, t.id, day);
    out.push(
      generated(
        `${INTERNAL_DIR}/Self-tests/${safeSegment(book.fileName, 100)}`,
        'internal',
        await xlsxBytes(book.sheets, at),
      ),
    );
  }
  const refOf = new Map(model.controls.map((c) => [c.id, c.ref]));
  const columns: Column<Deviation>[] = [
    { header: 'Deviation', value: (d) => d.ref },
    { header: 'Self-test', value: (d) => d.testRef },
    { header: 'Control', value: (d) => refOf.get(d.controlId) ?? '' },
    { header: 'Item', value: (d) => d.itemLabel },
    { header: 'Attribute', value: (d) => d.attribute },
    { header: 'Occurred on', value: (d) => d.occurredOn ?? '' },
    { header: 'Failed of tested', value: (d) => `${d.failedOf.failed} of ${d.failedOf.of}` },
    { header: 'Extent', value: (d) => d.extent },
    { header: 'Compensating control', value: (d) => d.compensatingControl },
    { header: 'Root cause', value: (d) => d.rootCause },
    { header: 'Remediation', value: (d) => d.remediation },
    { header: 'Remediated on', value: (d) => d.remediatedOn ?? '' },
    { header: 'Management response', value: (d) => d.managementResponse },
    { header: 'Reportable', value: (d) => (d.reportable ? 'Yes' : 'No') },
    { header: 'Withdrawn', value: (d) => (d.withdrawn ? d.withdrawn.reason : '') },
  ];
  out.push(
    generated(
      `${INTERNAL_DIR}/deviations.csv`,
      'internal',
      csvBytes(columns, listDeviations(model.vault, {})),
    ),
  );
  return out;
}

/**
 * The readiness report PDF (E item 5): gathers what the pure report (`shared/domain/readiness/
 * report.ts`) needs, as of the vault's today, and renders it. Written where the caller asks,
 * never into the vault.
 */
import { AttestError } from '../../../shared/api/errors';
import { HIGH_RESIDUAL } from '../../../shared/domain/gaps';
import { evaluateReadiness } from '../../../shared/domain/readiness/evaluate';
import {
  REPORT_FOOTER,
  REPORT_TITLE,
  type ReadinessReportInput,
  type ReportControlExtra,
  readinessReportBlocks,
} from '../../../shared/domain/readiness/report';
import { longDate, timingLabel } from '../../../shared/domain/system-description-wording';
import { all } from '../../db/connection';
import { listRiskRows, taskCounts } from '../../db/repos/gaps';
import { getVaultKey } from '../../db/repos/keys';
import { listPeople } from '../../db/repos/people';
import type { RenderInput } from '../../reports/types';
import { latestAuditTime } from '../../db/audit';
import { type GeneratedDocument, fileSlug } from '../files/generated';
import { listSelfTests } from '../self-tests/view';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { readinessFacts, windowsByControl } from './facts';

/** Everything the report shows, gathered in one read of the vault. */
export function readinessReportInput(vault: Vault): ReadinessReportInput {
  const facts = readinessFacts(vault);
  const readiness = evaluateReadiness(facts);
  const engagement = getEngagement(vault);
  const people = Object.fromEntries(listPeople(vault.db, true).map((p) => [p.id, p.name]));
  const today = facts.evaluatedOn;
  const risks = listRiskRows(vault.db);
  const key = getVaultKey(vault.db);
  if (!key) throw new Error('The vault has no signing key');
  return {
    engagement: {
      name: engagement.name,
      client: engagement.client.trim() || engagement.name,
      reportType: engagement.reportType,
      timing: timingLabel(engagement),
      categories: engagement.categories,
    },
    fingerprint: key.fingerprint,
    facts,
    readiness,
    people,
    controls: controlExtras(vault, today),
    tasks: taskCounts(vault.db, today),
    risks: {
      total: risks.length,
      highResidual: risks.filter((r) => r.residual_likelihood * r.residual_impact >= HIGH_RESIDUAL)
        .length,
      accepted: risks.filter((r) => r.treatment === 'accept').length,
    },
    selfTests: listSelfTests(vault).map((t) => ({
      controlRef: t.controlRef,
      drawnOn: t.drawnAt.slice(0, 10),
      drawnBy: t.drawnBy,
      items: t.sampleSize,
      tested: t.itemsTested,
      result: t.result,
    })),
    formatDate: longDate,
  };
}

/**
 * Per control: current evidence items, how many reviewed, by whom, and windows covered. Counted
 * and de-duplicated in SQL: reading every link of the large demo's 50 000 items took ~1 s.
 */
function controlExtras(vault: Vault, today: string): Record<string, ReportControlExtra> {
  const current = vault.db.qb
    .selectFrom('evidence_control as l')
    .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
    .where('e.superseded_by_id', 'is', null);
  const counts = all(
    vault.db,
    current
      .groupBy('l.control_id')
      .select((eb) => [
        'l.control_id',
        eb.fn.countAll<number>().as('items'),
        eb.fn.count<number>('e.reviewed_on').as('reviewed'),
      ]),
  );
  const reviewers = all(
    vault.db,
    current
      .innerJoin('person as p', 'p.id', 'e.reviewer_id')
      .where('p.name', '!=', '')
      .select(['l.control_id', 'p.name as reviewer'])
      .distinct(),
  );
  const out: Record<string, ReportControlExtra> = {};
  const windows = windowsByControl(vault, today);
  const control = (id: string): ReportControlExtra => {
    out[id] ??= {
      frequency: '',
      evidenceItems: 0,
      reviewedItems: 0,
      reviewers: [],
      windowsDue: 0,
      windowsMet: 0,
    };
    return out[id];
  };
  for (const r of counts) {
    const c = control(r.control_id);
    c.evidenceItems = Number(r.items);
    c.reviewedItems = Number(r.reviewed);
  }
  for (const r of reviewers) control(r.control_id).reviewers.push(r.reviewer);
  for (const [id, list] of windows) {
    const c = control(id);
    const due = list.filter((w) => w.status !== 'scheduled' && w.status !== 'not_counted');
    c.windowsDue = due.length;
    c.windowsMet = due.filter((w) => w.status === 'met').length;
  }
  for (const c of Object.values(out)) c.reviewers.sort();
  return out;
}

/**
 * The report as PDF bytes. Its creation date is the time of the vault's latest audit entry, so
 * the same vault state evaluated on the same day gives the same bytes (the package relies on it).
 */
export async function readinessReportPdf(
  vault: Vault,
  job: { signal?: AbortSignal; progress?: (step: string) => void } = {},
): Promise<{ fileName: string; bytes: Buffer }> {
  // Heard before the vault is read: the caller gets its job id first, and a cancel that came
  // with it stops here.
  if (job.signal) {
    await new Promise((resolve) => setImmediate(resolve));
    if (job.signal.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was saved.');
  }
  job.progress?.('Reading the vault');
  const input = readinessReportInput(vault);
  const render: RenderInput = {
    blocks: readinessReportBlocks(input),
    meta: {
      title: REPORT_TITLE,
      client: input.engagement.client,
      timing: input.engagement.timing,
      generatedOn: input.readiness.evaluatedOn,
      footer: REPORT_FOOTER,
      stamp: 'INTERNAL',
      stampedAt: new Date(
        latestAuditTime(vault.db) ?? `${input.readiness.evaluatedOn}T00:00:00.000Z`,
      ),
    },
  };
  const bytes = await (await import('../../reports/pdf')).renderPdf(render, job);
  const fileName = `${fileSlug(input.engagement.client)}_readiness-report_${input.readiness.evaluatedOn}.pdf`;
  return { fileName, bytes };
}

/** The report as a generated document, written where the caller asks (never into the vault). */
export async function readinessReport(
  vault: Vault,
  job: { signal: AbortSignal; progress(p: { step: string }): void },
): Promise<GeneratedDocument> {
  const { fileName, bytes } = await readinessReportPdf(vault, {
    signal: job.signal,
    progress: (step) => job.progress({ step }),
  });
  const { writeFile } = await import('node:fs/promises');
  return { fileName, write: (path) => writeFile(path, bytes) };
}

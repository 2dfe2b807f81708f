import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { REPORT_FOOTER } from '../../shared/domain/readiness/report';
import type { ReadinessView, ReviewComparison } from '../../shared/api/readiness';
import { statusLine } from '../../shared/domain/readiness/status-line';
import { PAGES, linkTo } from '../app/routes';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { GapAnalysis } from './pages/GapAnalysis';
import { Readiness } from './pages/Readiness';
import { rpc } from './pages/rpc';
import { Workbench, openDemo } from './pages/Workbench';

interface Person {
  id: string;
  name: string;
  archived: boolean;
}

test('readiness: the status line and a blocking finding, its fix, two frozen reviews compared', async ({
  page,
  attest,
}) => {
  test.setTimeout(180_000);
  await openDemo(page, attest);
  const readiness = new Readiness(page);
  await readiness.open(attest.origin);

  // The status line is the domain's own, and blocking findings come first.
  const truth = await rpc<ReadinessView>(page, attest, 'readiness.get');
  expect(truth.blocked).toBe(true);
  await expect(readiness.status).toHaveText(statusLine(truth, () => 'not used when blocked'));
  await expect(readiness.status).toContainText('not an audit opinion');
  const blocking = truth.findings[0]!;
  expect(blocking.severity).toBe('blocking');
  const first = readiness.findingRows.first();
  await expect(first).toHaveAttribute('data-severity', 'blocking');
  await expect(first).toContainText(blocking.object);
  await expect(page.getByTestId('count-blocking')).toHaveText(`Blocking: ${truth.counts.blocking}`);

  // The filters narrow the list; "Major" shows no blocking finding.
  await readiness.filterSeverity(/^Major/);
  await expect(readiness.findingRows.first()).toHaveAttribute('data-severity', 'major');
  await readiness.filterSeverity(/^All/);

  // Its fix link opens the screen that fixes it: the criterion in Scope.
  await first.getByTestId('fix-link').click();
  expect(blocking.target.screen).toBe('criterion');
  const criterion = (blocking.target as { id: string }).id;
  await expect(page).toHaveURL(new RegExp(`#${escape(linkTo('scopeCriterion', criterion))}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Scope' })).toBeVisible();
  await expect(page.getByRole('dialog').getByText(blocking.object).first()).toBeVisible();
  await page.goBack();
  await readiness.expectShown();

  // Freeze the review as it stands.
  const people = await rpc<{ items: Person[] }>(page, attest, 'people.list');
  const signer = people.items.find((p) => !p.archived)!;
  await readiness.freeze(signer.name, 'Before assessing the last controls');
  await expect(readiness.snapshotRows.first()).toContainText(signer.name);

  // Assess a control nobody has assessed, in the gap analysis, as a user does.
  const unassessed = truth.findings.find((f) => f.rule === 'control_assessed')!;
  expect(unassessed.target).toHaveProperty('id');
  const controlId = (unassessed.target as { id: string }).id;
  await page.goto(`${attest.origin}/#${linkTo('gapsControl', controlId)}`);
  const gaps = new GapAnalysis(page);
  await gaps.statusButton('Implemented').click();
  await expect
    .poll(async () =>
      (await rpc<ReadinessView>(page, attest, 'readiness.get')).findings.some(
        (f) => f.rule === 'control_assessed' && 'id' in f.target && f.target.id === controlId,
      ),
    )
    .toBe(false);

  // Freeze again and compare: the assessment shows as improved.
  await readiness.open(attest.origin);
  const bench = new Workbench(page);
  await readiness.freeze(signer.name, 'After assessing one more control', () =>
    bench.runFromPalette('freeze', /Freeze this review/),
  );
  const [second, firstRef] = await readiness.snapshotRows.evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-ref')!),
  );
  await readiness.compare(firstRef!, second!);
  const improved = page.getByTestId('improved');
  await expect(improved).toContainText(unassessed.object);
  const snapshots = await rpc<{ items: { id: string; ref: string }[] }>(
    page,
    attest,
    'readiness.snapshots',
  );
  const byRef = (ref: string) => snapshots.items.find((s) => s.ref === ref)!.id;
  const cmp = await rpc<ReviewComparison>(page, attest, 'readiness.compare', {
    fromId: byRef(firstRef!),
    toId: byRef(second!),
  });
  await expect(improved.getByRole('heading')).toHaveText(`Improved (${cmp.improved.length})`);
  await expect(page.getByTestId('regressed').getByRole('heading')).toHaveText(
    `Regressed (${cmp.regressed.length})`,
  );
  await expectNoSeriousA11yViolations(page, 'the readiness page with a comparison');

  // What changed since the first review, entry by entry: the assessment, then the second freeze.
  await readiness.snapshotRows.filter({ hasText: firstRef! }).getByTestId('changes-since').click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  const changes = page.getByTestId('history-row');
  await expect(changes.filter({ hasText: 'Assessment' }).first()).toBeVisible();
  await expect(changes.first()).toContainText('Frozen review');
  await expectNoSeriousA11yViolations(page, 'the history since a frozen review');
  await readiness.open(attest.origin);

  // Opened again by its address after a reload: the same review, the demo's own frozen review
  // (three weeks ago) and both snapshots taken here kept.
  await page.reload();
  await readiness.expectShown();
  await expect(readiness.snapshotRows).toHaveCount(3);
  await expect(readiness.findingRows.first()).toHaveAttribute('data-severity', 'blocking');

  // The dashboard: today's status line, and the trend across the two frozen reviews.
  const now = await rpc<ReadinessView>(page, attest, 'readiness.get');
  await page.goto(`${attest.origin}/#${PAGES.dashboard}`);
  await expect(page.getByTestId('dashboard-status-line')).toHaveText(
    statusLine(now, () => 'not used when blocked'),
  );
  // A blocked line states no date of its own: the one it was evaluated as of sits beside it.
  await expect(page.getByTestId('dashboard-evaluated-on')).toHaveText(
    new RegExp(`^Evaluated as of .*${now.evaluatedOn.slice(0, 4)}$`),
  );
  const trend = page.getByTestId('readiness-trend');
  await expect(trend.locator('table tbody tr')).toHaveCount(3);
  await expect(trend.locator('table tbody tr').first()).toContainText('RV-1');
  await expect(trend.locator('table tbody tr').nth(1)).toContainText(firstRef!);
});

/** A string for a regular expression that matches it literally. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('readiness: the report downloads as a PDF that says it is internal', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const readiness = new Readiness(page);
  await readiness.open(attest.origin);
  const download = page.waitForEvent('download');
  await page.getByTestId('readiness-report').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/_readiness-report_2026-05-15\.pdf$/);
  const path = (await file.path())!;
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(REPORT_FOOTER);
  expect(text).toMatch(/Not ready: \d+ blocking findings/);
});

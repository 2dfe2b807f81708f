import { mkdirSync } from 'node:fs';
import type { TimelinesView } from '../../shared/api/readiness';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { Readiness } from './pages/Readiness';
import { rpc } from './pages/rpc';
import { openDemo } from './pages/Workbench';

const OUT = '/tmp/attest-shots/timelines';

test('readiness: each control over the period, a missing window, the filter, a row opens the control', async ({
  page,
  attest,
}) => {
  test.setTimeout(180_000);
  await openDemo(page, attest);
  const readiness = new Readiness(page);
  await readiness.open(attest.origin);
  const truth = await rpc<TimelinesView>(page, attest, 'readiness.timelines');
  expect(truth.reportType).toBe('type2');

  // Every control of the demo is on the card.
  await expect(readiness.timelines).toBeVisible();
  await expect(readiness.timelineRows.first()).toBeVisible();
  const first = truth.controls[0]!;
  await expect(readiness.timelineRow(first.ref)).toContainText(first.title);

  // A control with a window that closed without reviewed evidence shows a missing cell, named.
  const gap = truth.controls.find((c) => c.windows.some((w) => w.state === 'missing'))!;
  const window = gap.windows.find((w) => w.state === 'missing')!;
  await readiness.timelineRow(gap.ref).scrollIntoViewIfNeeded();
  await expect(
    readiness
      .timelineRow(gap.ref)
      .getByRole('img', { name: `${window.label} — missing`, exact: true }),
  ).toBeVisible();

  // "Only with missing windows" leaves only those controls.
  const withMissing = truth.controls.filter((c) => c.windows.some((w) => w.state === 'missing'));
  const withoutMissing = truth.controls.find((c) => !withMissing.includes(c));
  await page.getByTestId('timelines-only-missing').check();
  await expect(readiness.timelineRow(gap.ref)).toBeVisible();
  if (withoutMissing) await expect(readiness.timelineRow(withoutMissing.ref)).toHaveCount(0);
  for (const row of await readiness.timelineRows.all())
    await expect(row).toHaveAttribute('data-missing', 'true');

  await page.getByTestId('timelines-only-missing').uncheck();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await expectNoSeriousA11yViolations(page, `controls over the period (${scheme})`);
    if (process.env.SCREENSHOTS) {
      mkdirSync(OUT, { recursive: true });
      await page.setViewportSize({ width: 1440, height: 1000 });
      await readiness.timelines.scrollIntoViewIfNeeded();
      await page.mouse.move(1430, 990);
      await page.waitForTimeout(350);
      await page.screenshot({ path: `${OUT}/${scheme}-card.png` });
    }
  }

  // The owner filter keeps that owner's controls only.
  const owned = truth.controls.find((c) => c.ownerName !== null)!;
  await page.getByTestId('timelines-owner').click();
  await page.getByRole('option', { name: owned.ownerName!, exact: true }).click();
  await expect(readiness.timelineRow(owned.ref)).toBeVisible();
  const other = truth.controls.find((c) => c.ownerId !== owned.ownerId);
  if (other) await expect(readiness.timelineRow(other.ref)).toHaveCount(0);

  // A row opens its control.
  await readiness.timelineRow(owned.ref).click();
  await expect(page).toHaveURL(new RegExp(owned.id));
});

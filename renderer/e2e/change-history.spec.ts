import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { linkTo } from '../app/routes';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { rpc } from './pages/rpc';
import { openDemo } from './pages/Workbench';

/*
 * An automated control relied on for its configuration needs that configuration's change history
 * (D1 item 4). The demo's pipeline control CHG-03 has one: its drawer says it is covered and
 * marks the item; the item's drawer offers the mark per linked automated control, and taking it
 * off leaves the control without one. SCREENSHOTS=1 photographs both drawers.
 */

const SHOTS = '/tmp/attest-shots/change-history';

async function shoot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: `${SHOTS}/${scheme}-${name}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the demo’s pipeline control shows its change history, marked on the item', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openDemo(page, attest);
  const { items } = await rpc<{ items: { id: string; ref: string }[] }>(
    page,
    attest,
    'controls.list',
    { limit: 1000 },
  );
  const pipeline = items.find((c) => c.ref === 'CHG-03')!;

  await page.goto(`${attest.origin}/#${linkTo('scopeControl', pipeline.id)}`);
  const line = page.getByTestId('occurrence-change-history');
  await expect(line).toContainText('Covered so far');
  const marked = page
    .getByTestId('linked-evidence')
    .locator('[data-ref]', { hasText: 'Change history' });
  await expect(marked).toHaveCount(1);
  await line.scrollIntoViewIfNeeded();
  await expectNoSeriousA11yViolations(page, 'control drawer with its change history');
  await shoot(page, 'control');

  // The item's drawer: the mark per linked automated control, which can be taken off.
  await line.getByRole('link').first().click();
  const box = page.getByTestId('evidence-change-history').getByRole('checkbox', {
    name: /CHG-03/,
  });
  await expect(box).toBeChecked();
  await page.getByTestId('evidence-change-history').scrollIntoViewIfNeeded();
  // The CSV preview's scrolling box is reachable by keyboard (axe: scrollable-region-focusable).
  await expect(page.getByRole('region', { name: 'The file’s first rows' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'evidence item with its change-history mark');
  await shoot(page, 'item');
  await box.uncheck();
  await expect(box).not.toBeChecked();
  await page.goto(`${attest.origin}/#${linkTo('scopeControl', pipeline.id)}`);
  await expect(page.getByTestId('occurrence-change-history')).toContainText('None linked');
});

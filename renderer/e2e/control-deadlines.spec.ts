import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { linkTo } from '../app/routes';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { jobResult, rpc, upload } from './pages/rpc';
import { openDemo } from './pages/Workbench';

/*
 * The control drawer holds a control to what its policies promise and to the IT general controls
 * it relies on (D1): a leaver removed after the access-control policy's "1 business day" shows
 * late, naming the promise; an automated control whose ITGCs are not met says it must be
 * sampled, and its links can be changed there. SCREENSHOTS=1 photographs both drawers.
 */

const SHOTS = '/tmp/attest-shots/control-drawer';

async function shoot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: `${SHOTS}/${scheme}-${name}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

interface Control {
  id: string;
  ref: string;
  nature: string;
}

test('a late leaver names the promise; an automated control with unmet ITGCs must be sampled', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openDemo(page, attest);
  const { items } = await rpc<{ items: Control[] }>(page, attest, 'controls.list', {
    limit: 1000,
  });
  const ac05 = items.find((c) => c.ref === 'AC-05')!;

  // The access-control policy, written from its template, promises 1 business day for AC-05.
  await rpc(page, attest, 'policies.createFromTemplate', { templateKey: 'access-control' });
  // A leaver on Tuesday 10 March whose accounts went on Thursday 12 March: late.
  const uploadId = await upload(
    page,
    attest,
    'leaver-march.txt',
    'Leaver 10 March, removed 12 March\n',
  );
  const { jobId } = await rpc<{ jobId: string }>(page, attest, 'evidence.add', {
    sources: [{ uploadId, fileName: 'leaver-march.txt' }],
    controlIds: [ac05.id],
    performedOn: '2026-03-12',
    coverage: { asOf: '2026-03-10' },
  });
  const { added } = await jobResult<{ added: { ref: string }[] }>(page, attest, jobId);

  await page.goto(`${attest.origin}/#${linkTo('scopeControl', ac05.id)}`);
  const late = page.getByTestId('occurrence-late');
  await expect(late).toContainText(added[0]!.ref);
  await expect(late).toContainText('identity provider account is disabled');
  await expect(page.getByTestId('occurrence-deadline')).toContainText('within 1 business day');
  await page.getByTestId('control-evidence').scrollIntoViewIfNeeded();
  await shoot(page, 'late');

  // An automated control relying on ITGCs the demo has not all met: it must be sampled.
  const itgcs = await rpc<{ reliesOn: { id: string; ref: string; met: boolean | null }[] }>(
    page,
    attest,
    'controls.itgcs',
    { id: items.find((c) => c.ref === 'AC-01')!.id },
  );
  const sso = items.find((c) => c.ref === 'AC-01')!;
  await page.goto(`${attest.origin}/#${linkTo('scopeControl', sso.id)}`);
  const panel = page.getByTestId('control-itgcs');
  await expect(panel).toHaveAttribute('data-state', 'failing');
  const unmet = itgcs.reliesOn.filter((r) => r.met === false).map((r) => r.ref);
  await expect(page.getByTestId('must-sample')).toContainText(unmet[0]!);
  await panel.scrollIntoViewIfNeeded();
  await expectNoSeriousA11yViolations(page, 'control drawer with ITGCs');
  await shoot(page, 'itgcs');

  // Relying only on met controls (here: none left unmet) clears it. Remove the unmet ones in
  // the field, as a user does.
  for (const ref of unmet) {
    const pill = panel.locator('.mantine-Pill-root', { hasText: new RegExp(`^${ref} `) });
    await pill.locator('.mantine-Pill-remove').click();
    await expect(pill).toHaveCount(0);
  }
  await expect
    .poll(async () =>
      (
        await rpc<{ reliesOn: { met: boolean | null }[] }>(page, attest, 'controls.itgcs', {
          id: sso.id,
        })
      ).reliesOn.some((r) => r.met === false),
    )
    .toBe(false);
  await expect(page.getByTestId('must-sample')).toHaveCount(0);
});

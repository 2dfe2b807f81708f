import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PAGES, linkTo } from '../app/routes';
import { type AttestServer, expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { TestingPage, recordPopulation } from './pages/TestingPage';
import { jobResult, rpc } from './pages/rpc';
import { openDemo } from './pages/Workbench';

// Pictures of the self-testing screens in both themes, for people to look at (not an assertion).
// Run with SCREENSHOTS=1 … screenshots-testing
const OUT = '/tmp/attest-shots/testing';

test.skip(!process.env.SCREENSHOTS, 'Screenshots are taken only when SCREENSHOTS=1 is set');

interface Control {
  id: string;
  ref: string;
  frequency: string;
}
interface Detail {
  id: string;
  items: { id: string }[];
  attributes: { id: string }[];
}

/** Eighty access requests through the period: a per-event control's population. */
const POPULATION = [
  'request,granted_on,user,system',
  ...Array.from({ length: 80 }, (_, i) => {
    const month = String((i % 6) + 1).padStart(2, '0');
    const day = String((i % 27) + 1).padStart(2, '0');
    return `REQ-${1000 + i},2026-${month}-${day},user${i}@northwind.example,${['GitHub', 'AWS', 'Okta'][i % 3]}`;
  }),
].join('\n');

/** A per-event control with a recorded population, a drawn sample and a partly filled grid. */
async function testedControl(page: Page, attest: AttestServer): Promise<Control> {
  const { items } = await rpc<{ items: Control[] }>(page, attest, 'controls.list', { limit: 1000 });
  const control = items.find((c) => c.frequency === 'per_event')!;
  await recordPopulation(page, attest, control.id, 'access-requests.csv', POPULATION, 'granted_on');
  const drawn = await rpc<{ jobId: string }>(page, attest, 'selfTests.draw', {
    controlId: control.id,
    seed: 'screenshots',
  });
  const test = await jobResult<Detail>(page, attest, drawn.jobId);
  // Most items answered, one failure, the last few left for the user.
  for (const [i, item] of test.items.slice(0, -3).entries()) {
    for (const [j, attribute] of test.attributes.entries()) {
      await rpc(page, attest, 'selfTests.setCell', {
        testId: test.id,
        itemId: item.id,
        attributeId: attribute.id,
        result: i === 2 && j === 0 ? 'fail' : j === 1 && i === 5 ? 'na' : 'pass',
        note: i === 2 && j === 0 ? 'No approver recorded on the ticket.' : '',
      });
    }
  }
  return control;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the self-testing screens in the ${scheme} theme`, async ({ page, attest }) => {
    test.setTimeout(180_000);
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 960 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await openDemo(page, attest);
    const control = await testedControl(page, attest);
    const testing = new TestingPage(page);
    const shoot = async (name: string, fullPage = false) => {
      await expectNoSeriousA11yViolations(page, `${name} (${scheme})`);
      await page.screenshot({ path: `${OUT}/${scheme}-${name}.png`, fullPage });
    };

    await testing.open(attest);
    await expect(testing.row('AC-01')).toBeVisible();
    await shoot('list');

    // The Dashboard's Self-testing card, with the deviation just recorded.
    await page.goto(`${attest.origin}/#${PAGES.dashboard}`);
    const card = page.getByTestId('dashboard-self-tests');
    await expect(card.locator(`[data-ref="${control.ref}"]`)).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(page, `the Self-testing card (${scheme})`);
    await card.screenshot({ path: `${OUT}/${scheme}-dashboard-card.png` });

    await page.goto(`${attest.origin}/#${linkTo('controlTesting', control.id)}`);
    await expect(testing.grid).toBeVisible();
    await expect(testing.deviation()).toHaveCount(1);
    await shoot('workbench');
    await testing.grid.scrollIntoViewIfNeeded();
    await shoot('grid');
    await testing.deviations.scrollIntoViewIfNeeded();
    await shoot('deviations');
    await shoot('workbench-full', true);

    const { items } = await rpc<{ items: Control[] }>(page, attest, 'controls.list', {
      limit: 1000,
    });
    // A per-event control with no population yet (the demo records one for some of them).
    let untested: Control | undefined;
    for (const c of items.filter((i) => i.frequency === 'per_event' && i.id !== control.id)) {
      const plan = await rpc<{ mode: string }>(page, attest, 'selfTests.plan', {
        controlId: c.id,
      });
      if (plan.mode === 'needs_population') {
        untested = c;
        break;
      }
    }
    if (!untested) throw new Error('The demo has no per-event control without a population');
    await page.goto(`${attest.origin}/#${linkTo('controlTesting', untested.id)}`);
    await expect(testing.plan).toContainText('Nothing to draw from yet');
    await shoot('needs-population');

    await page.goto(`${attest.origin}/#${linkTo('controlTesting', control.id)}`);
    await expect(testing.grid).toBeVisible();
    await testing.cells().nth(1).click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cell-dialog').getByRole('dialog')).toBeVisible();
    await shoot('cell-dialog');
  });
}

import { linkTo } from '../app/routes';
import { expect, test } from './fixtures';
import { fillDate } from './pages/dates';
import { EvidencePage } from './pages/EvidencePage';
import { GapAnalysis } from './pages/GapAnalysis';
import { rpc } from './pages/rpc';
import { openDemo } from './pages/Workbench';

/*
 * "Met, honestly" seen by the user (D1 item 5): a criterion of the demo whose key controls are all
 * met but one turns Met once that control is in place and a reviewed item evidences it — added
 * through the drop zone, linked and reviewed in the evidence drawer, and seen on the coverage map
 * and in the criterion's drawer.
 */

interface Criterion {
  id: string;
  status: string;
  reason: string;
  keyControlIds: string[];
  metBy: string[];
}
interface Control {
  id: string;
  ref: string;
  frequency: string;
  nature: string;
  ownerId: string | null;
  performerId: string | null;
}

/** One item performed on 10 February fills such a control's windows at 15 May. */
const ONE_ITEM_ENOUGH = ['quarterly', 'annual', 'semi_annual', 'per_event', 'continuous', 'daily'];

test('a criterion turns met when its last key control is evidenced and reviewed', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openDemo(page, attest);
  const { criteria } = await rpc<{ criteria: Criterion[] }>(page, attest, 'coverage.get');
  const { items: controls } = await rpc<{ items: Control[] }>(page, attest, 'controls.list', {
    limit: 1000,
  });
  const byId = new Map(controls.map((c) => [c.id, c]));
  // A criterion one key control short; that control one dated item can evidence.
  const pick = criteria
    .filter((c) => c.status === 'mapped' && !/carved/i.test(c.reason))
    .map((c) => ({ criterion: c, short: c.keyControlIds.filter((id) => !c.metBy.includes(id)) }))
    .find(({ short }) => {
      const control = short.length === 1 ? byId.get(short[0]!) : undefined;
      return (
        control &&
        control.nature !== 'automated' &&
        ONE_ITEM_ENOUGH.includes(control.frequency) &&
        control.ownerId !== null
      );
    });
  if (!pick) throw new Error('The demo has no criterion one evidenced control short of met');
  const { criterion } = pick;
  const control = byId.get(pick.short[0]!)!;
  const people = await rpc<{ items: { id: string; name: string }[] }>(page, attest, 'people.list');
  const reviewer = people.items.find(
    (p) => p.id !== control.ownerId && p.id !== control.performerId,
  )!;

  const gaps = new GapAnalysis(page);
  await page.goto(`${attest.origin}/#${linkTo('gapsCoverage')}`);
  await expect(gaps.cell(criterion.id)).toHaveAttribute('data-status', 'mapped');

  // The control is put in place (assessed implemented: that is the Assess screen's business).
  await rpc(page, attest, 'assessments.set', { controlId: control.id, status: 'implemented' });

  // Its evidence: dropped, dated, linked, reviewed by someone who neither owns nor performs it.
  const evidence = new EvidencePage(page);
  await evidence.open(attest);
  await evidence.drop([
    {
      name: `${control.ref}-operated.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(`${control.ref} operated on 10 February 2026 (e2e test content).\n`),
    },
  ]);
  // One file dropped opens its drawer.
  const drawer = evidence.drawer;
  await expect(drawer.getByTestId('evidence-panel')).toBeVisible({ timeout: 30_000 });
  await expect(drawer).toContainText(`${control.ref}-operated`);
  // The Documentation step counts it as waiting for review.
  const documentation = page.locator('[data-step="documentation"]');
  await expect(documentation).toContainText('1 evidence to review');
  await fillDate(drawer.getByLabel('Date performed'), '2026-02-10');
  await evidence.choose(
    drawer.getByLabel('Controls', { exact: true }),
    control.ref,
    new RegExp(control.ref),
  );
  await expect
    .poll(async () =>
      (
        await rpc<{ items: { performedOn: string | null }[] }>(page, attest, 'evidence.list', {
          controlId: control.id,
          reviewed: false,
        })
      ).items.map((e) => e.performedOn),
    )
    .toEqual(['2026-02-10']);
  const review = drawer.getByTestId('evidence-review');
  await evidence.choose(
    review.getByLabel('Reviewer', { exact: true }),
    reviewer.name,
    new RegExp(reviewer.name),
  );
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(review.getByTestId('reviewed-by')).toContainText(reviewer.name);
  await page.keyboard.press('Escape');
  await expect(documentation).toContainText('evidence reviewed');

  // Where the user sees it: the coverage map and the criterion's drawer.
  await page.goto(`${attest.origin}/#${linkTo('gapsCoverage')}`);
  await expect(gaps.cell(criterion.id)).toHaveAttribute('data-status', 'met');
  await gaps.cell(criterion.id).click();
  await expect(gaps.criterionDrawer).toContainText(/met/i);
  const after = await rpc<{ criteria: Criterion[] }>(page, attest, 'coverage.get');
  expect(after.criteria.find((c) => c.id === criterion.id)).toMatchObject({
    status: 'met',
    metBy: expect.arrayContaining([control.id]),
  });
});

import { mkdirSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { goHash } from './pages/hash';
import { Policies } from './pages/Policies';
import { rpc } from './pages/rpc';
import { openDemo } from './pages/Workbench';
import { linkTo } from '../app/routes';

// Pictures of the policy library in both themes, for people to look at (not an assertion).
// Run with SCREENSHOTS=1 … screenshots-policies
const OUT = '/tmp/attest-shots';

test.skip(!process.env.SCREENSHOTS, 'Screenshots are taken only when SCREENSHOTS=1 is set');

interface Version {
  id: string;
  body: string;
}
interface Written {
  policy: { id: string };
  draft: Version;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the policy library in the ${scheme} theme`, async ({ page, attest }) => {
    test.setTimeout(150_000);
    mkdirSync(OUT, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const shot = async (name: string) => {
      await page.mouse.move(1350, 850);
      await page.waitForTimeout(350);
      await page.screenshot({ path: `${OUT}/${scheme}-policies-${name}.png` });
      await expectNoSeriousA11yViolations(page, `${name} (${scheme})`);
    };
    await openDemo(page, attest);
    const people = await rpc<{ items: { id: string; name: string }[] }>(
      page,
      attest,
      'people.list',
      {},
    );
    const tom = people.items.find((p) => p.name === 'Tom Alvarez')!.id;
    const maya = people.items.find((p) => p.name === 'Maya Okafor')!.id;

    // One policy approved and redrafted, one in draft.
    const ac = await rpc<Written>(page, attest, 'policies.createFromTemplate', {
      templateKey: 'access-control',
      ownerId: maya,
    });
    await rpc(page, attest, 'policies.approve', {
      versionId: ac.draft.id,
      approverId: tom,
      approvedOn: '2026-02-02',
    });
    const v2 = await rpc<Version>(page, attest, 'policies.startDraft', { policyId: ac.policy.id });
    await rpc(page, attest, 'policies.updateDraft', {
      versionId: v2.id,
      patch: {
        body: `${v2.body.replace('Every quarter', 'Every month')}\n\n## Break-glass accounts\n\nTwo sealed administrator accounts exist for emergencies; every use is reviewed within 1 business day.`,
        changeNote: 'Monthly access reviews; break-glass accounts',
      },
    });
    await rpc(page, attest, 'policies.createFromTemplate', {
      templateKey: 'incident-response',
      ownerId: tom,
    });

    const policies = new Policies(page);
    await policies.open();
    await shot('list');

    await page.getByRole('button', { name: 'New policy' }).click();
    await policies.dialog
      .getByRole('option', { name: 'Encryption and Key Management Policy' })
      .click();
    await shot('from-template');
    await page.keyboard.press('Escape');

    await goHash(page, linkTo('policy', ac.policy.id));
    await expect(policies.editor).toBeVisible();
    await shot('editor');

    await policies.tab('Versions').click();
    await expect(policies.drawer.getByTestId('diff-line').first()).toBeVisible();
    await shot('diff');

    await policies.tab('Acknowledgements').click();
    await expect(policies.drawer.getByTestId('missing-acks')).toBeVisible();
    await shot('acknowledgements');

    // The approved version, locked.
    const versions = await rpc<{ items: { id: string; status: string }[] }>(
      page,
      attest,
      'policies.versions',
      { policyId: ac.policy.id },
    );
    const draft = versions.items.find((v) => v.status === 'draft')!;
    await rpc(page, attest, 'policies.approve', {
      versionId: draft.id,
      approverId: tom,
      approvedOn: '2026-05-15',
    });
    await policies.tab('Text').click();
    await expect(policies.drawer.getByTestId('version-locked')).toBeVisible();
    await shot('approved');
  });
}

import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  type AuditorResponse,
  RESPONSE_FORMAT,
  serializeResponseFile,
} from '../../shared/domain/auditor/response';
import { signResponse } from '../../electron/core/auditor/signature';
import { keyFingerprint } from '../../electron/core/package/verify-signature';
import {
  type AttestServer,
  expect,
  expectNoSeriousA11yViolations,
  openDemoVault,
  test,
} from './fixtures';
import { Workbench } from './pages/Workbench';
import { AuditorResponseDialog } from './pages/AuditorResponse';
import { Requests } from './pages/Requests';
import { importRequestList, jobResult, rpc } from './pages/rpc';
import { scratchDir } from './scratch';

const SHOTS = process.env.SCREENSHOTS ? '/tmp/attest-shots/auditor-response' : null;

const LIST = [
  'PBC #,Item Requested',
  'PBC-1,Code of conduct and the acknowledgements signed during the period',
  'PBC-2,Terminated users list and the tickets removing their access',
  'PBC-3,Quarterly user access reviews with reviewer sign-off',
].join('\r\n');

interface PackageFile {
  kind: string;
  evidenceId?: string;
}

/**
 * The vault's own package, exported through the contract as the Export step does; answers what
 * a response names it by (its manifest's SHA-256) and a population in it to pick a sample from.
 */
async function exportPackage(page: Page, attest: AttestServer) {
  const { jobId } = await rpc<{ jobId: string }>(page, attest, 'package.export', {});
  const done = await jobResult<{ download: string }>(page, attest, jobId, 60_000);
  const res = await page.request.get(`${attest.origin}${done.download}`);
  expect(res.ok()).toBe(true);
  const dir = scratchDir('response');
  const zip = join(dir, 'package.zip');
  writeFileSync(zip, await res.body());
  const manifest = execFileSync('unzip', ['-p', zip, 'manifest.json']);
  const parsed = JSON.parse(manifest.toString('utf8')) as {
    engagement: { name: string };
    files: PackageFile[];
  };
  const population = parsed.files.find((f) => f.kind === 'population')!.evidenceId!;
  return {
    dir,
    ref: {
      manifestSha256: createHash('sha256').update(manifest).digest('hex'),
      engagement: parsed.engagement.name,
    },
    population,
  };
}

/** The auditor's work, as their side of Attest saves it: signed with their key. */
function responseTo(pkg: AuditorResponse['package'], population: string): AuditorResponse {
  const at = '2026-05-14T09:00:00.000Z';
  return {
    format: RESPONSE_FORMAT,
    package: pkg,
    auditor: { name: 'Dana Auditor', firm: 'Example LLP', email: 'dana@example.test' },
    createdAt: '2026-05-14T10:00:00.000Z',
    items: [
      { id: 'status-pbc-1', at, kind: 'status', requestRef: 'PBC-1', status: 'accepted' },
      { id: 'status-pbc-2', at, kind: 'status', requestRef: 'PBC-2', status: 'follow_up' },
      {
        id: 'comment-pbc-2',
        at,
        kind: 'comment',
        requestRef: 'PBC-2',
        body: 'Which HR export is this? Please include contractors.',
      },
      {
        id: 'request-firewall',
        at,
        kind: 'request',
        title: 'Firewall rule review for Q1 and Q2',
        description: '',
        criteria: ['CC6.6'],
        dueOn: '2026-06-15',
      },
      {
        id: 'sample-leavers',
        at,
        kind: 'sample',
        populationId: population,
        rowKeys: ['ana', 'bo'],
        note: 'Show access removed within one day.',
      },
    ],
  };
}

test('import the auditor’s response: the fingerprint to confirm, what it will do, statuses, AUD requests and the auditor’s comment; again, nothing new; another package refused', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await openDemoVault(page, attest);
  await importRequestList(page, attest, LIST);
  const pkg = await exportPackage(page, attest);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const fingerprint = keyFingerprint(publicKey);
  const responsePath = join(pkg.dir, 'response.json');
  writeFileSync(
    responsePath,
    serializeResponseFile(signResponse(responseTo(pkg.ref, pkg.population), privateKey)),
  );

  const requests = new Requests(page);
  await requests.open();
  await expect(requests.row('PBC-1')).toBeVisible();
  const response = new AuditorResponseDialog(page);
  await response.open();
  await response.chooseFile(responsePath);

  // Before anything changes: who, which engagement, the key, and what it will do.
  await expect(response.confirmation).toContainText('Dana Auditor');
  await expect(response.confirmation).toContainText('Example LLP');
  await expect(response.confirmation).toContainText('dana@example.test');
  await expect(response.confirmation).toContainText(pkg.ref.engagement);
  expect((await response.fingerprint.innerText()).replace(/\s/g, '')).toBe(fingerprint);
  await expect(response.confirmation).toContainText(
    'Confirm this fingerprint with the auditor by another channel',
  );
  await expect(response.count('status')).toHaveText('2');
  await expect(response.count('comment')).toHaveText('1');
  await expect(response.count('request')).toHaveText('1');
  await expect(response.count('sample')).toHaveText('1');
  // Nothing applied yet.
  await expect(requests.row('PBC-1').locator('[data-auditor-status]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the response confirmation');
  if (SHOTS) await shoot(page, 'confirm');

  await response.confirmImport();
  await expect(response.result).toContainText('Imported 5 items from the auditor’s response');
  await expect(response.result).toContainText('PBC-1: the auditor’s status is now accepted.');
  await expect(response.result).toContainText('AUD-001 added: Firewall rule review for Q1 and Q2');
  await expect(response.result).toContainText(`AUD-002 added: 2 rows of ${pkg.population}`);
  if (SHOTS) await shoot(page, 'result');
  await response.close();

  // The list re-read itself: statuses with their meaning, the auditor's new requests.
  await expect(requests.row('PBC-1').locator('[data-auditor-status="accepted"]')).toBeVisible();
  await requests.row('PBC-1').locator('[data-auditor-status]').hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    'Accepted — the request is satisfied, not that the control works',
  );
  await expect(requests.row('PBC-2').locator('[data-auditor-status="follow_up"]')).toBeVisible();
  await expect(requests.row('AUD-001')).toContainText('Firewall rule review');
  await expect(requests.row('AUD-002')).toContainText('Sample');

  // The auditor's comment in the thread, set apart and naming them.
  await requests.row('PBC-2').click();
  const verdict = requests.drawer.getByTestId('auditor-status');
  await expect(verdict).toHaveText('Follow-up');
  await verdict.hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    'Follow-up — the auditor needs more for this request',
  );
  const said = requests.drawer.locator('[data-testid="request-comment"][data-source="auditor"]');
  await expect(said).toContainText('Dana Auditor (Example LLP)');
  await expect(said).toContainText('Which HR export is this? Please include contractors.');
  await expectNoSeriousA11yViolations(page, 'the thread with the auditor’s comment');
  if (SHOTS) await shoot(page, 'thread');
  await page.keyboard.press('Escape');
  await expect(requests.drawer).toBeHidden();

  // The sample pick reads as one: its population and rows among the auditor's columns.
  await requests.row('AUD-002').click();
  const columns = requests.drawer.getByTestId('auditor-columns');
  await expect(columns).toContainText(pkg.population);
  await expect(columns).toContainText('ana, bo');
  if (SHOTS) await shoot(page, 'sample');
  await page.keyboard.press('Escape');
  await expect(requests.drawer).toBeHidden();

  // The same file again: nothing new, said before and after.
  await response.open();
  await response.chooseFile(responsePath);
  await expect(response.dialog.getByTestId('response-nothing-new')).toContainText(
    'Nothing new: this response was imported before',
  );
  await response.confirmImport();
  await expect(response.result).toContainText('Nothing new: this response was imported before');
  await response.anotherResponse();

  // A response to a package this vault did not export: refused, naming the problem.
  const other = join(pkg.dir, 'other.json');
  const elsewhere = { ...pkg.ref, manifestSha256: 'e'.repeat(64) };
  writeFileSync(
    other,
    serializeResponseFile(signResponse(responseTo(elsewhere, pkg.population), privateKey)),
  );
  await response.chooseFile(other);
  await expect(response.problem).toContainText(
    'This response is for a package this vault did not export',
  );
  await expect(response.problem).toContainText('Nothing was imported');
  await expect(response.confirmation).toHaveCount(0);
  if (SHOTS) await shoot(page, 'refused');
  const list = await rpc<{ total: number }>(page, attest, 'requests.list', {});
  expect(list.total).toBe(5);
});

test('an unsigned response says so before it is imported, and its comments carry the label', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await openDemoVault(page, attest);
  await importRequestList(page, attest, LIST);
  const pkg = await exportPackage(page, attest);
  const unsigned = join(pkg.dir, 'unsigned.json');
  const { items, ...rest } = responseTo(pkg.ref, pkg.population);
  writeFileSync(
    unsigned,
    serializeResponseFile({ response: { ...rest, items: items.slice(2, 3) }, signature: null }),
  );

  const requests = new Requests(page);
  await requests.open();
  const response = new AuditorResponseDialog(page);
  await response.openFromPalette(new Workbench(page));
  await response.chooseFile(unsigned);
  await expect(response.dialog.getByTestId('response-unsigned')).toContainText(
    'Not signed: from an unsigned response naming Example LLP',
  );
  await expect(response.fingerprint).toHaveCount(0);
  if (SHOTS) await shoot(page, 'unsigned');
  await response.confirmImport();
  await response.close();
  await requests.row('PBC-2').click();
  const said = requests.drawer.locator('[data-testid="request-comment"][data-source="auditor"]');
  await expect(said).toHaveAttribute('data-unsigned', 'true');
  await expect(said).toContainText('Dana Auditor, from an unsigned response naming Example LLP');
  await expect(said.getByText('Auditor, unsigned')).toBeVisible();
  if (SHOTS) await shoot(page, 'thread-unsigned');
});

/** The screen in both themes, for people to look at (not an assertion). */
async function shoot(page: Page, name: string) {
  // No colour caught half-way through a transition when the theme switches.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

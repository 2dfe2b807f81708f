import type { Page, Request } from '@playwright/test';
import { expect, openDemoVault, test } from './fixtures';
import { ScopeView } from './pages/ScopeView';
import { Workbench } from './pages/Workbench';

/**
 * The `/rpc` calls the window itself sends (the spec's own `page.request` calls are not page
 * requests and are not counted), with how many are still on their way.
 */
function watchRpc(page: Page) {
  const sent: string[] = [];
  /** Each call as method and input: the same method may read two different answers. */
  const answers: string[] = [];
  // Only calls seen leaving are counted in flight: one sent before watching began and answered
  // after must not drive the count below zero (the spec would then wait forever).
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const isRpc = (url: string) => new URL(url).pathname.startsWith('/rpc/');
  page.on('request', (r) => {
    if (!isRpc(r.url())) return;
    sent.push(new URL(r.url()).pathname.slice('/rpc/'.length));
    answers.push(`${sent.at(-1)} ${r.postData() ?? ''}`);
    inFlight.add(r);
    lastActivity = Date.now();
  });
  const done = (r: Request) => {
    if (!inFlight.delete(r)) return;
    lastActivity = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    sent,
    answers,
    /** Waits until every call has been answered and none followed for a while. */
    async settled() {
      await expect
        .poll(() => inFlight.size === 0 && Date.now() - lastActivity > 1_000, { timeout: 30_000 })
        .toBe(true);
    },
  };
}

// Before S2 one typed control field cost 10 calls on this screen: the save, criteria read twice,
// the vault's info, and then — because the info had changed — the whole gap analysis, the risks
// and the tasks read again. Now: the save, and one re-read of each answer on screen that reads
// what the save touched (controls, criteria): the controls, the criteria, the assessment counts,
// the system description (carve-outs in the matrix), the catalog plan and the request list the
// palette holds (each request lists the controls mapped to its criteria), the policy list it
// holds (a control's edit can relink it to another policy), the drawer's policy consistency
// check (a frequency changed can agree or disagree with a policy's promise) and the open control
// drawer's evidence (D1: `evidence.list` by control reads controls, whose criteria and refs it
// filters and shows), and the vault's info, now a cached read like the others: it lists the
// scope's controls and criteria, so a change to a control re-reads it (before S2's last step a
// hand-written store re-read it only for engagement and people changes, and so could show a
// stale scope) — 11 in all; and since every drawer shows its record's History, the drawer's
// history (the edit is its newest entry) — 12. Since the Scope table pages from the server
// (`controls.list` with its filters and order) rather than filtering the palette's whole list
// in the window, the table's page is an answer of its own and is re-read too — 13. Since the
// control drawer shows the control's latest self-test (T: `selfTests.list`, which names each
// test's control, so a control's edit re-reads it) — 14.
const MAX_CALLS_PER_EDIT = 14;

test('one control field edit costs one save and the re-reads of what it touched', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  await new Workbench(page).expectOpen('Demo — Northwind Analytics SOC 2 Type II');
  const view = new ScopeView(page);
  await view.open();
  await view.openControl('AC-04');
  const rpc = watchRpc(page);
  await rpc.settled();
  rpc.sent.length = 0;
  rpc.answers.length = 0;

  const saved = page.waitForResponse((r) => r.url().includes('/rpc/controls.update'));
  await view.drawerField('Title').fill('Approved and ticketed access requests');
  await saved;
  await expect(view.drawer).toContainText('Approved and ticketed access requests');
  await rpc.settled();

  const calls = [...rpc.sent].sort();
  test.info().annotations.push({ type: 'calls per edit', description: calls.join(', ') });
  console.log(`One control field edit: ${calls.length} calls: ${calls.join(', ')}`);
  expect(calls.filter((m) => m === 'controls.update')).toHaveLength(1);
  // Nothing is read twice for one change. (Two answers of one method are two reads: the
  // palette's whole list of controls and the table's page.)
  expect(new Set(rpc.answers).size).toBe(rpc.answers.length);
  expect(calls.length).toBeLessThanOrEqual(MAX_CALLS_PER_EDIT);
});

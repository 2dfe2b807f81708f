import { type BrowserContext, type Locator, type Page } from '@playwright/test';
import { LINKS, type LinkId, PAGES, type PageId, addressOf } from '../app/routes';
import { type AttestServer, expect, openDemoVault, test } from './fixtures';
import { DEMO_ENGAGEMENT, Workbench } from './pages/Workbench';
import { importRequestList, rpc } from './pages/rpc';

/**
 * Every address of the workbench (renderer/app/routes.ts: the router is built from the same
 * list) opened the way a user does outside the app: typed or pasted into a fresh window, and
 * then reloaded. Each must show its own screen, loaded: its heading, what it is about, no
 * spinner left and no error. A screen that loads only when it is reached by a click fails here.
 */

/** A spinner still turning after this long is one that will not stop. */
const SETTLE_MS = 10_000;

// SCREENSHOTS=1 also photographs one record's route after a reload, in both themes, for people
// to look at (as the screenshots-*.spec.ts do).
const SHOTS = '/tmp/attest-shots';

/** What the demo holds, read through the contract, for the links that open one record. */
interface DemoRecords {
  control: { id: string; ref: string };
  criterion: string;
  task: { id: string; title: string };
  risk: { id: string; title: string };
  request: { id: string; ref: string };
  person: { id: string; name: string };
  evidence: { id: string; ref: string };
  policy: { id: string; title: string };
  subservice: { id: string; name: string };
}

interface Check {
  heading: string;
  /** What this address shows once loaded (beyond its heading). */
  shows: (page: Page) => Locator;
  /** For a link that opens a record: its id in the demo. */
  id?: (demo: DemoRecords) => string;
}

const dialog = (page: Page, testId?: string) =>
  testId ? page.getByTestId(testId).getByRole('dialog') : page.getByRole('dialog');

/** A field showing `value` (React writes a controlled field's value to its attribute too). */
const valued = (value: string) =>
  `:is(input, textarea)[value="${value.replace(/["\\]/g, '\\$&')}"]`;

function checks(demo: DemoRecords): { pages: Record<PageId, Check>; links: Record<LinkId, Check> } {
  return {
    pages: {
      dashboard: { heading: 'Dashboard', shows: (p) => p.getByTestId('fingerprint') },
      scope: { heading: 'Scope', shows: (p) => p.getByTestId('matrix-row').first() },
      gaps: { heading: 'Gap analysis', shows: (p) => p.getByTestId('control-ref') },
      remediation: { heading: 'Remediation', shows: (p) => p.getByTestId('task-board') },
      documentation: {
        heading: 'Documentation',
        shows: (p) => p.getByTestId('requests-table').locator(`tr[data-ref="${demo.request.ref}"]`),
      },
      readiness: {
        heading: 'Readiness',
        shows: (p) => p.getByTestId('readiness-status').filter({ hasText: 'Not ready' }),
      },
      export: {
        heading: 'Export',
        shows: (p) => p.getByTestId('exports-today').locator('[data-need="plan"]'),
      },
      people: {
        heading: 'People',
        shows: (p) => p.getByTestId('person-row').filter({ hasText: demo.person.name }),
      },
      history: { heading: 'History', shows: (p) => p.getByTestId('history-row').first() },
    },
    links: {
      scopeEdit: { heading: 'Scope', shows: (p) => p.getByTestId('wizard-question') },
      scopeCriterion: {
        heading: 'Scope',
        shows: (p) => dialog(p).getByText(demo.criterion).first(),
        id: (d) => d.criterion,
      },
      scopeControl: {
        heading: 'Scope',
        shows: (p) => dialog(p).getByText(demo.control.ref).first(),
        id: (d) => d.control.id,
      },
      scopeDescription: {
        heading: 'Scope',
        shows: (p) => p.getByTestId('wizard-step-description'),
      },
      scopeEvents: { heading: 'Scope', shows: (p) => p.getByTestId('wizard-step-events') },
      scopeSubservices: {
        heading: 'Scope',
        shows: (p) => p.getByTestId('wizard-step-subservices'),
      },
      subservice: {
        heading: 'Scope',
        shows: (p) => dialog(p).locator(valued(demo.subservice.name)),
        id: (d) => d.subservice.id,
      },
      gapsFocus: { heading: 'Gap analysis', shows: (p) => p.getByTestId('control-ref') },
      gapsControl: {
        heading: 'Gap analysis',
        shows: (p) => p.getByTestId('control-ref').filter({ hasText: demo.control.ref }),
        id: (d) => d.control.id,
      },
      gapsTable: {
        heading: 'Gap analysis',
        shows: (p) => p.getByTestId('controls-table').locator('tbody tr[data-row]').first(),
      },
      gapsTableControl: {
        heading: 'Gap analysis',
        shows: (p) => dialog(p, 'control-drawer').getByText(demo.control.ref).first(),
        id: (d) => d.control.id,
      },
      gapsCoverage: { heading: 'Gap analysis', shows: (p) => p.getByTestId('coverage-heat-map') },
      gapsRisks: {
        heading: 'Gap analysis',
        shows: (p) => p.getByTestId('risk-table').getByText(demo.risk.title).first(),
      },
      risk: {
        heading: 'Gap analysis',
        shows: (p) => dialog(p).locator(valued(demo.risk.title)),
        id: (d) => d.risk.id,
      },
      remediationBoard: { heading: 'Remediation', shows: (p) => p.getByTestId('task-board') },
      remediationTable: {
        heading: 'Remediation',
        shows: (p) => p.getByTestId('task-table').getByText(demo.task.title).first(),
      },
      task: {
        heading: 'Remediation',
        shows: (p) => dialog(p, 'task-drawer').locator(valued(demo.task.title)),
        id: (d) => d.task.id,
      },
      request: {
        heading: 'Documentation',
        shows: (p) =>
          dialog(p, 'request-drawer').getByRole('heading').filter({
            hasText: demo.request.ref,
          }),
        id: (d) => d.request.id,
      },
      documentationPolicies: {
        heading: 'Documentation',
        shows: (p) => p.getByTestId('policies-table').getByText(demo.policy.title).first(),
      },
      policy: {
        heading: 'Documentation',
        shows: (p) => dialog(p, 'policy-drawer').locator(valued(demo.policy.title)),
        id: (d) => d.policy.id,
      },
      documentationEvidence: {
        heading: 'Documentation',
        shows: (p) =>
          p.getByTestId('evidence-table').locator(`tr[data-ref="${demo.evidence.ref}"]`),
      },
      evidence: {
        heading: 'Documentation',
        shows: (p) => dialog(p, 'evidence-drawer').getByText(demo.evidence.ref).first(),
        id: (d) => d.evidence.id,
      },
      documentationTesting: {
        heading: 'Documentation',
        shows: (p) => p.getByTestId('testing-table').locator(`tr[data-ref="${demo.control.ref}"]`),
      },
      testingSampleSizes: {
        heading: 'Documentation',
        shows: (p) => p.getByTestId('size-by-frequency').getByText('Monthly'),
      },
      controlTesting: {
        heading: 'Documentation',
        shows: (p) => p.getByTestId('test-workbench').getByText(demo.control.ref).first(),
        id: (d) => d.control.id,
      },
      person: {
        heading: 'People',
        shows: (p) => dialog(p).filter({ hasText: demo.person.name }),
        id: (d) => d.person.id,
      },
      // Entry 0 is before the first: every change since is the whole history.
      historySince: {
        heading: 'History',
        shows: (p) => p.getByTestId('history-since').filter({ hasText: 'after entry 0' }),
        id: () => '0',
      },
      // One control's history includes its links (criteria, evidence).
      recordHistory: {
        heading: 'History',
        shows: (p) => p.getByTestId('history-row').filter({ hasText: demo.control.ref }).first(),
        id: (d) => d.control.id,
      },
      newTask: {
        heading: 'Remediation',
        shows: (p) => p.getByRole('dialog', { name: 'New task' }),
      },
      newRisk: {
        heading: 'Gap analysis',
        shows: (p) => p.getByRole('dialog', { name: 'New risk' }),
      },
      newPerson: { heading: 'People', shows: (p) => p.getByRole('dialog', { name: 'New person' }) },
      newPolicy: {
        heading: 'Documentation',
        shows: (p) => p.getByRole('dialog', { name: 'New policy' }),
      },
      freezeReview: {
        heading: 'Readiness',
        shows: (p) =>
          p.getByRole('dialog', { name: 'Freeze this review' }).getByTestId('freeze-form'),
      },
    },
  };
}

/** A short request list, imported through the contract as the import wizard would. */
const importRequests = (page: Page, attest: AttestServer) =>
  importRequestList(
    page,
    attest,
    'PBC #,Item Requested\r\nPBC-001,Access control policy\r\nPBC-002,New hires\r\n',
  );

/** The demo's first evidence item (it carries reviewed evidence): the first row of the table. */
async function firstEvidence(
  page: Page,
  attest: AttestServer,
): Promise<{ id: string; ref: string }> {
  const { items } = await rpc<{ items: { id: string; ref: string }[] }>(
    page,
    attest,
    'evidence.list',
    { limit: 1 },
  );
  if (!items[0]) throw new Error('The demo has no evidence');
  return items[0];
}

async function demoRecords(
  page: Page,
  attest: AttestServer,
): Promise<Omit<DemoRecords, 'evidence'>> {
  type Items<T> = { items: T[] };
  const first = <T>(what: string, items: T[]): T => {
    const item = items[0];
    if (!item) throw new Error(`The demo has no ${what}`);
    return item;
  };
  const [controls, criteria, tasks, risks, requests, people, policies, sd] = await Promise.all([
    rpc<Items<{ id: string; ref: string }>>(page, attest, 'controls.list', { limit: 10 }),
    rpc<Items<{ id: string }>>(page, attest, 'criteria.list', {}),
    rpc<Items<{ id: string; title: string }>>(page, attest, 'tasks.list', {}),
    rpc<Items<{ id: string; title: string }>>(page, attest, 'risks.list', {}),
    rpc<Items<{ id: string; ref: string }>>(page, attest, 'requests.list', {}),
    rpc<Items<{ id: string; name: string }>>(page, attest, 'people.list', {}),
    rpc<Items<{ id: string; title: string }>>(page, attest, 'policies.list', {}),
    rpc<{ subservices: { id: string; name: string }[] }>(page, attest, 'sd.get', {}),
  ]);
  return {
    control: first('control', controls.items),
    criterion: first('criterion in scope', criteria.items).id,
    task: first('task', tasks.items),
    risk: first('risk', risks.items),
    request: first('request', requests.items),
    person: first('person', people.items),
    policy: first('policy', policies.items),
    subservice: first('subservice organisation', sd.subservices),
  };
}

/** A new window of the same browser session with the address typed in, watched for errors. */
async function openFresh(context: BrowserContext, url: string, problems: string[]) {
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${url}: console error: ${msg.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${url}: uncaught: ${e.message}`));
  await page.goto(url);
  return page;
}

/** The screen is the one asked for, with its content, nothing still loading, and no error. */
async function expectLoaded(page: Page, check: Check, how: string) {
  const bench = new Workbench(page);
  await bench.expectOpen(DEMO_ENGAGEMENT);
  await expect(
    page.getByRole('heading', { level: 1, name: check.heading, exact: true }),
    `${how}: the heading`,
  ).toBeVisible();
  await expect(check.shows(page), `${how}: its content`).toBeVisible({ timeout: SETTLE_MS });
  await expect(page.locator('.mantine-Loader-root'), `${how}: a spinner left`).toHaveCount(0, {
    timeout: SETTLE_MS,
  });
  await expect(page.locator('.mantine-Notification-root'), `${how}: an error shown`).toHaveCount(0);
}

/**
 * The routes are split in parts, each its own test with its own server, so the two workers share
 * them: one test of every route was the longest of the run (three minutes) and kept one worker
 * busy alone at the end.
 */
const PARTS = 3;

for (let part = 0; part < PARTS; part++)
  test(`every route loads when opened directly and after a reload (part ${part + 1} of ${PARTS})`, async ({
    page,
    attest,
  }) => {
    // A third of every page and link, each opened twice, two at a time, on a shared 2-core machine.
    test.setTimeout(240_000);
    await openDemoVault(page, attest);
    await new Workbench(page).expectOpen(DEMO_ENGAGEMENT);
    await importRequests(page, attest);
    const evidence = await firstEvidence(page, attest);
    const demo = { ...(await demoRecords(page, attest)), evidence };
    const { pages, links } = checks(demo);

    // The spec knows every address the router has, and nothing it has not.
    expect(Object.keys(pages).sort(), 'pages without a check here').toEqual(
      Object.keys(PAGES).sort(),
    );
    expect(Object.keys(links).sort(), 'links without a check here').toEqual(
      Object.keys(LINKS).sort(),
    );

    const routes: [string, Check][] = [
      ...(Object.keys(PAGES) as PageId[]).map((id): [string, Check] => [PAGES[id], pages[id]]),
      ...(Object.keys(LINKS) as LinkId[]).map((id): [string, Check] => {
        const check = links[id];
        return [addressOf(id, check.id?.(demo)), check];
      }),
    ].filter((_, i) => i % PARTS === part);
    const shot = addressOf('request', demo.request.id);

    const problems: string[] = [];
    const visit = async ([route, check]: [string, Check]) => {
      const fresh = await openFresh(page.context(), `${attest.origin}/#${route}`, problems);
      await expectLoaded(fresh, check, `${route} opened directly`);
      await fresh.reload();
      await expectLoaded(fresh, check, `${route} after a reload`);
      if (process.env.SCREENSHOTS && route === shot) {
        for (const scheme of ['light', 'dark'] as const) {
          await fresh.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          await fresh.screenshot({ path: `${SHOTS}/${scheme}-route-request-after-reload.png` });
        }
      }
      await fresh.close();
    };
    // Two windows at a time, as a user with several tabs open: each load waits mostly on the
    // server and the network.
    const queue = [...routes];
    const tab = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await visit(next);
    };
    await Promise.all([tab(), tab()]);
    expect(problems, 'console errors while opening the routes').toEqual([]);
  });

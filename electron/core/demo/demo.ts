import { AttestError } from '../../../shared/api/errors';
import type { PersonInput } from '../../../shared/api/people';
import { engagementInput } from '../../../shared/api/vault';
import { createPerson, setCurrentPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import { updateEngagementDetails } from '../scope/engagement';
import { listControls, updateControl } from '../scope/controls';
import { systemClock, todayOf } from '../../platform/clock';
import { createVault, type SessionOptions, type Vault } from '../vault/session';
import { fillGapAnalysis, fillSystemDescription } from './demo-content';
import { fillReviewedEvidence } from './demo-reviewed';
import { addDemoChangeHistory, narrowDemoReliance } from './demo-change-history';
import { fillAttachments } from './demo-attachments';
import { type DemoClock, demoClock } from './demo-clock';
import { type DemoDates, addDays, demoDates } from './demo-dates';
import { revisePolicy, writePolicies } from './demo-policies';
import { POPULATION_CONTROLS, fillPopulations } from './demo-populations';
import { freezeDemoReview } from './demo-review';
import { fillSelfTest } from './demo-self-test';

/**
 * A realistic sample engagement for a fictional company, built through the same use cases the
 * app uses, so demos, screenshots and end-to-end tests never look at an empty screen. Everything
 * in it says it is a demo; nothing here is passed off as a real client.
 */
export const DEMO_PEOPLE: PersonInput[] = [
  { name: 'Maya Okafor', email: 'maya@northwind-demo.test', role: 'CEO', team: 'Leadership' },
  { name: 'Daniel Brandt', email: 'daniel@northwind-demo.test', role: 'CTO', team: 'Engineering' },
  {
    name: 'Priya Raman',
    email: 'priya@northwind-demo.test',
    role: 'Security Lead',
    team: 'Security',
  },
  { name: 'Tom Alvarez', email: 'tom@northwind-demo.test', role: 'Head of People', team: 'People' },
  {
    name: 'Lena Fischer',
    email: 'lena@northwind-demo.test',
    role: 'Engineering Manager',
    team: 'Engineering',
  },
  { name: 'Sam Whitfield', email: 'sam@northwind-demo.test', role: 'IT Administrator', team: 'IT' },
  {
    name: 'Grace Liu',
    email: 'grace@northwind-demo.test',
    role: 'Head of Customer Success',
    team: 'Customer Success',
  },
  { name: 'Omar Haddad', email: 'omar@northwind-demo.test', role: 'Finance Lead', team: 'Finance' },
];

/** Which demo person owns a library control, by the owner role the library suggests. */
const OWNER_BY_ROLE: [RegExp, string][] = [
  [/people|hr/i, 'Tom Alvarez'],
  [/security/i, 'Priya Raman'],
  [/cto|engineering|devops|platform/i, 'Daniel Brandt'],
  [/it\b|administrator/i, 'Sam Whitfield'],
  [/ceo|board|executive/i, 'Maya Okafor'],
  [/finance/i, 'Omar Haddad'],
  [/customer|support|success/i, 'Grace Liu'],
];

export interface DemoOptions extends SessionOptions {
  /** Stops the build between steps; the temporary file is removed and nothing takes the name. */
  signal?: AbortSignal;
  /** More content, added to the demo before the file takes its name (the large demo). */
  grow?: (building: Vault) => Promise<void>;
}

/**
 * Builds the demo in a temporary file that takes `path` only when complete (see createVault), so
 * an interrupted or cancelled `attest demo` never leaves half a demo under the name.
 */
export async function buildDemoVault(path: string, options: DemoOptions = {}): Promise<Vault> {
  const { signal, grow, ...session } = options;
  // Relative to the app's today, so the demo is always mid-engagement (see demo-dates.ts).
  const base = session.clock ?? systemClock;
  const dates = demoDates(todayOf(base));
  // The engagement is replayed from its kick-off to today (see demo-clock.ts).
  const clock = demoClock(base);
  clock.moveTo(dates.kickoff);
  return createVault(
    path,
    engagementInput.parse({
      name: 'Demo — Northwind Analytics SOC 2 Type II',
      client: 'Northwind Analytics (fictional demo company)',
      reportType: 'type2',
      period: dates.period,
      categories: ['security', 'availability', 'confidentiality'],
    }),
    {
      ...session,
      clock,
      populate: async (building) => {
        await fillDemo(building, clock, dates, signal);
        await grow?.(building);
        // The last moment a cancel can take effect: after this the file takes its name.
        throwIfCancelled(signal);
      },
    },
  );
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AttestError('cancelled', 'Cancelled; no demo vault was created.');
}

/** Lets the process answer other calls (and a cancel) between the steps of a build. */
async function pause(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  throwIfCancelled(signal);
}

/** In steps of well under 200 ms each, so a server building the demo keeps answering. */
async function fillDemo(
  vault: Vault,
  clock: DemoClock,
  dates: DemoDates,
  signal: AbortSignal | undefined,
): Promise<void> {
  throwIfCancelled(signal);
  const people = new Map(DEMO_PEOPLE.map((p) => [p.name, createPerson(vault, p)]));
  setCurrentPerson(vault, people.get('Priya Raman')!.id);
  updateEngagementDetails(vault, {
    services: 'Northwind Insights, a hosted product-analytics platform, and its reporting API.',
    auditorFirm: 'Example Assurance LLP (fictional)',
    contacts: [
      { name: 'Maya Okafor', role: 'CEO, signs the assertion', email: 'maya@northwind-demo.test' },
      { name: 'Priya Raman', role: 'Audit coordinator', email: 'priya@northwind-demo.test' },
      { name: 'Jordan Reyes', role: 'Engagement partner (auditor)', email: 'jordan@example.test' },
    ],
  });
  await pause(signal);
  applyScope(vault);
  await pause(signal);

  // Owners from the suggested role; performer and reviewer two different people.
  const reviewer = people.get('Priya Raman')!;
  const fallbackPerformer = people.get('Lena Fischer')!;
  const controls = listControls(vault, { includeArchived: false, limit: 1000 }).items;
  for (const [i, control] of controls.entries()) {
    if (i > 0 && i % 10 === 0) await pause(signal);
    const ownerName =
      OWNER_BY_ROLE.find(([re]) => re.test(control.ownerRole))?.[1] ?? 'Daniel Brandt';
    const owner = people.get(ownerName)!;
    const performer = owner.id === reviewer.id ? fallbackPerformer : owner;
    updateControl(vault, control.id, {
      ownerId: owner.id,
      performerId: performer.id,
      reviewerId: reviewer.id,
    });
  }
  await pause(signal);
  writePolicies(vault, clock, dates, people);
  await pause(signal);
  // The gap analysis and the risk assessment, early in the period.
  clock.moveTo(dates.periodDay(28));
  fillGapAnalysis(vault, dates);
  narrowDemoReliance(vault);
  await pause(signal);
  revisePolicy(vault, clock, dates, people);
  await pause(signal);
  // Reviewers who own or perform few controls: each item goes to one who does neither.
  const reviewers = ['Maya Okafor', 'Omar Haddad', 'Grace Liu'].map((n) => people.get(n)!.id);
  const evidencedOtherwise = new Set<string>([POPULATION_CONTROLS.incidents]);
  // The evidence as it stood three weeks ago, when the review was frozen.
  clock.moveTo(dates.reviewFrozenOn);
  fillReviewedEvidence(vault, dates.period, reviewers, { except: evidencedOtherwise });
  await pause(signal);
  freezeDemoReview(vault, clock, dates, people.get('Maya Okafor')!.id);
  await pause(signal);
  // Last week: screenshots and a report, the populations, and a sample tested from one.
  clock.moveTo(dates.daysAgo(6));
  fillAttachments(vault, dates, reviewers);
  addDemoChangeHistory(vault, dates, reviewers);
  const leavers = await fillPopulations(vault, dates, reviewers, dates.period);
  await pause(signal);
  await fillSelfTest(vault, clock, dates, leavers);
  await pause(signal);
  // Today: the windows closed since the review, and the system description written since.
  clock.release();
  fillReviewedEvidence(vault, dates.period, reviewers, {
    after: addDays(dates.reviewFrozenOn, -3),
    except: evidencedOtherwise,
  });
  await pause(signal);
  fillSystemDescription(vault, dates);
}

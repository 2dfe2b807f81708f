import { acknowledge } from '../policies/acks';
import { createFromTemplate, listPolicies } from '../policies/policies';
import { approveVersion, startDraft, updateDraft } from '../policies/versions';
import type { Vault } from '../vault/session';
import type { DemoClock } from './demo-clock';
import type { DemoDates } from './demo-dates';

export type DemoPeople = ReadonlyMap<string, { id: string }>;

/**
 * The demo's policy library (D2), written from the catalog's templates: four approved early in
 * the period and acknowledged by the people in scope, one of them re-approved mid-period (its first
 * version in force until then), and one still a draft. Two acknowledgements are missing on purpose,
 * long past their deadline, so readiness has someone to name. (The e2e specs write Access Control,
 * Encryption and Incident Response themselves; the demo leaves those templates unwritten.)
 */
interface DemoPolicy {
  template: string;
  owner: string;
  /** Who approves version 1, and how many days into the period; none: left a draft. */
  approval: { by: string; day: number } | null;
  /** Who has not acknowledged the version in force (the deliberate gap). */
  missing?: string;
}

const POLICIES: DemoPolicy[] = [
  {
    template: 'information-security',
    owner: 'Priya Raman',
    approval: { by: 'Maya Okafor', day: 4 },
  },
  { template: 'acceptable-use', owner: 'Sam Whitfield', approval: { by: 'Daniel Brandt', day: 4 } },
  {
    template: 'code-of-conduct',
    owner: 'Tom Alvarez',
    approval: { by: 'Maya Okafor', day: 6 },
    missing: 'Grace Liu',
  },
  {
    template: 'change-management',
    owner: 'Daniel Brandt',
    approval: { by: 'Priya Raman', day: 12 },
  },
  { template: 'vendor-management', owner: 'Omar Haddad', approval: null },
];

/** The Information Security Policy's second version: what changed mid-period, and who missed it. */
const REVISION = {
  day: 75,
  by: 'Maya Okafor',
  missing: 'Sam Whitfield',
  note: 'Adds the managed job queue to the scope of monitoring (the change of the period).',
  text: '\n\n## Monitoring of the job queue\n\nSince the reporting service moved to the managed job queue, queue depth and failed jobs alert the on-call engineer, who follows the queue runbook.\n',
};

/** Everyone acknowledges within two and a half weeks, a day or two apart (except `missing`). */
function acknowledgeAll(
  vault: Vault,
  clock: DemoClock,
  dates: DemoDates,
  versionId: string,
  fromDay: number,
  people: DemoPeople,
  missing: string | undefined,
): void {
  const who = [...people].filter(([name]) => name !== missing);
  // Recorded when the last one came in, as an HR or training system's export would be.
  clock.moveTo(dates.periodDay(fromDay + 2 * who.length));
  who.forEach(([, person], i) =>
    acknowledge(vault, {
      versionId,
      personId: person.id,
      acknowledgedOn: dates.periodDay(fromDay + 1 + 2 * i),
    }),
  );
}

/**
 * Writes the demo's policies, approves four early in the period and has them acknowledged, moving
 * the clock through the period's first weeks.
 */
export function writePolicies(
  vault: Vault,
  clock: DemoClock,
  dates: DemoDates,
  people: DemoPeople,
): void {
  const id = (name: string) => people.get(name)!.id;
  const written = POLICIES.map((p) => ({
    spec: p,
    ...createFromTemplate(vault, { templateKey: p.template, ownerId: id(p.owner) }),
  }));
  const approved = written
    .filter((w) => w.spec.approval !== null)
    .sort((a, b) => a.spec.approval!.day - b.spec.approval!.day);
  for (const w of approved) {
    const { by, day } = w.spec.approval!;
    clock.moveTo(dates.periodDay(day));
    approveVersion(vault, {
      versionId: w.draft.id,
      approverId: id(by),
      approvedOn: dates.periodDay(day),
    });
  }
  for (const w of approved)
    acknowledgeAll(vault, clock, dates, w.draft.id, w.spec.approval!.day, people, w.spec.missing);
}

/**
 * Mid-period, the Information Security Policy is revised and approved again: version 1 stays in
 * force until then, and everyone but one acknowledges version 2.
 */
export function revisePolicy(
  vault: Vault,
  clock: DemoClock,
  dates: DemoDates,
  people: DemoPeople,
): void {
  const policy = listPolicies(vault, false).find((p) => p.templateKey === 'information-security');
  if (!policy) throw new Error('The demo revises the Information Security Policy it wrote');
  clock.moveTo(dates.periodDay(REVISION.day - 3));
  const draft = startDraft(vault, policy.id);
  updateDraft(vault, draft.id, {
    body: `${draft.body}${REVISION.text}`,
    changeNote: REVISION.note,
  });
  clock.moveTo(dates.periodDay(REVISION.day));
  approveVersion(vault, {
    versionId: draft.id,
    approverId: people.get(REVISION.by)!.id,
    approvedOn: dates.periodDay(REVISION.day),
  });
  acknowledgeAll(vault, clock, dates, draft.id, REVISION.day, people, REVISION.missing);
}

import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMAINS } from '../../../shared/domain/catalog';
import { tx } from '../../db/connection';
import { createPerson } from '../people/people';
import { importRequests } from '../requests/import';
import { createRisk } from '../risks/risks';
import { createControl, listControls } from '../scope/controls';
import { listCriteria } from '../scope/criteria';
import { createTask } from '../tasks/tasks';
import { growEvidence } from './demo-evidence';
import type { Vault } from '../vault/session';
import { type DemoOptions, buildDemoVault, throwIfCancelled } from './demo';

/**
 * The large demo (`attest demo --scale large`): the small demo engagement grown to the size a
 * busy consultant's vault reaches — about 400 controls, 10 000 remediation tasks, 5 000 auditor
 * requests, 50 people, 200 risks and 50 000 evidence items over 3 000 distinct small files — for
 * measuring lists and readiness at scale. Built through the
 * same use cases as the app, in batched transactions (each batch one commit), deterministically:
 * no randomness, so two builds hold the same content. Everything in it is marked as demo data.
 */
export const LARGE_DEMO = {
  controls: 400,
  tasks: 10_000,
  requests: 5_000,
  people: 50,
  risks: 200,
  evidence: 50_000,
  evidenceFiles: 3_000,
};

const BATCH = 500;

const SYSTEMS = [
  'billing service',
  'data warehouse',
  'support portal',
  'CI pipeline',
  'HR system',
  'mobile API',
  'identity provider',
  'reporting API',
  'payments gateway',
  'marketing site',
];
const REGIONS = ['EU', 'US', 'APAC'];
const CONTROL_KINDS = [
  'Quarterly access review of the',
  'Change approval before deploying the',
  'Restore test of backups of the',
  'Review of vulnerability scans of the',
  'Review of security alerts from the',
  'Encryption settings check for the',
  'Offboarding check for accounts of the',
  'Capacity review of the',
  'Logging configuration review of the',
];
const REQUEST_KINDS = [
  'Population of user access changes for the',
  'Evidence of the quarterly access review of the',
  'Change tickets with approvals for the',
  'Backup restore test results for the',
  'Vulnerability scan reports and remediation for the',
  'Incident tickets and post-incident reviews for the',
  'Configuration screenshots of encryption settings for the',
  'List of terminated employees and account removals for the',
];
const TASK_KINDS = [
  'Document the procedure for',
  'Collect evidence for',
  'Assign an owner to',
  'Automate the check in',
  'Review exceptions found in',
  'Train the team on',
];

/**
 * Runs `make(i)` for i in [from, to) in transactions of BATCH items each, yielding between them
 * so the process keeps answering (a Ctrl+C, a cancel, other calls) while the demo grows.
 */
async function inBatches(
  vault: Vault,
  signal: AbortSignal | undefined,
  from: number,
  to: number,
  make: (i: number) => void,
): Promise<void> {
  for (let start = from; start < to; start += BATCH) {
    throwIfCancelled(signal);
    tx(vault.db, () => {
      for (let i = start; i < Math.min(to, start + BATCH); i++) make(i);
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const date = (i: number, year = 2026) =>
  `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

export interface LargeDemoOptions extends DemoOptions {
  onStep?: (step: string) => void;
  /** Smaller sizes (tests); the large demo's by default. */
  sizes?: typeof LARGE_DEMO;
}

/** The small demo grown to `sizes`, all of it built before the file takes its name. */
export async function buildLargeDemoVault(
  path: string,
  options: LargeDemoOptions = {},
): Promise<Vault> {
  const { onStep, sizes, ...demo } = options;
  return buildDemoVault(path, {
    ...demo,
    grow: (building) =>
      growDemo(building, sizes ?? LARGE_DEMO, onStep ?? (() => {}), options.signal),
  });
}

async function growDemo(
  vault: Vault,
  size: typeof LARGE_DEMO,
  step: (step: string) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  step('people');
  const existingPeople = vault.db.sqlite
    .prepare('SELECT count(*) FROM person')
    .pluck()
    .get() as number;
  await inBatches(vault, signal, existingPeople, size.people, (i) =>
    createPerson(vault, {
      name: `Demo Person ${String(i + 1).padStart(2, '0')}`,
      email: `person${i + 1}@northwind-demo.test`,
      role: pick(['Engineer', 'Analyst', 'Manager', 'Administrator'], i),
      team: pick(['Engineering', 'Security', 'IT', 'Finance', 'People'], i),
    }),
  );
  const people = vault.db.sqlite
    .prepare('SELECT id FROM person ORDER BY name')
    .pluck()
    .all() as string[];

  step('controls');
  const inScope = listCriteria(vault, true).map((c) => c.id);
  const existingControls = listControls(vault, { includeArchived: false, limit: 1000 }).total;
  await inBatches(vault, signal, existingControls, size.controls, (i) => {
    const system = pick(SYSTEMS, i);
    createControl(vault, {
      ref: `CUS-${String(i + 1).padStart(3, '0')}`,
      title: `${pick(CONTROL_KINDS, i)} ${system} (${pick(REGIONS, Math.floor(i / 10))})`,
      description: `Demo control: the ${system} team performs this check and keeps the record.`,
      domain: pick(DOMAINS, i),
      criteria: [pick(inScope, i), pick(inScope, i * 7 + 3)],
      ownerId: pick(people, i),
      performerId: pick(people, i + 1),
      reviewerId: pick(people, i + 2),
      frequency: pick(['quarterly', 'monthly', 'annual', 'per_event'] as const, i),
    });
  });
  const controls = listControls(vault, { includeArchived: false, limit: 1000 }).items.map(
    (c) => c.id,
  );

  step('risks');
  const existingRisks = vault.db.sqlite
    .prepare('SELECT count(*) FROM risk')
    .pluck()
    .get() as number;
  await inBatches(vault, signal, existingRisks, size.risks, (i) =>
    createRisk(vault, {
      title: `Demo risk ${i + 1}: ${pick(SYSTEMS, i)} ${pick(['outage', 'data leak', 'fraud', 'misconfiguration'], i)}`,
      likelihood: 1 + (i % 5),
      impact: 1 + ((i * 3) % 5),
      // Controls only lower a risk: the residual never exceeds the inherent level.
      residualLikelihood: Math.min(1 + (i % 5), 1 + ((i + 1) % 3)),
      residualImpact: 1 + ((i * 3) % 5),
      ownerId: pick(people, i),
      controlIds: [pick(controls, i), pick(controls, i * 11 + 5)],
    }),
  );

  step('tasks');
  const existingTasks = vault.db.sqlite
    .prepare('SELECT count(*) FROM task')
    .pluck()
    .get() as number;
  await inBatches(vault, signal, existingTasks, size.tasks, (i) =>
    createTask(vault, {
      title: `${pick(TASK_KINDS, i)} ${pick(SYSTEMS, Math.floor(i / 6))} (demo ${i + 1})`,
      description: 'Demo task generated for the large benchmark engagement.',
      ownerId: i % 9 === 0 ? null : pick(people, i),
      dueOn: i % 7 === 0 ? null : date(i),
      priority: pick(['high', 'medium', 'low'] as const, i),
      status: pick(['todo', 'in_progress', 'blocked', 'done'] as const, i),
      controlIds: [pick(controls, i)],
    }),
  );

  step('requests');
  throwIfCancelled(signal);
  await importGeneratedRequests(vault, people.length, size.requests, signal);

  step('evidence');
  await growEvidence(
    vault,
    { items: size.evidence, files: size.evidenceFiles },
    controls,
    people,
    signal,
  );
}

/** The auditor's request list, as a CSV the import reads like any other. */
async function importGeneratedRequests(
  vault: Vault,
  peopleCount: number,
  count: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const criteria = listCriteria(vault, false).map((c) => c.id);
  const names = (
    vault.db.sqlite.prepare('SELECT name FROM person ORDER BY name').pluck().all() as string[]
  ).slice(0, peopleCount);
  const lines = ['PBC #,Item Requested,TSC Ref.,Type,Due,Wave,Owner'];
  for (let i = 0; i < count; i++) {
    const what = `${pick(REQUEST_KINDS, i)} ${pick(SYSTEMS, Math.floor(i / 8))} (demo request ${i + 1})`;
    const refs = `${pick(criteria, i)}; ${pick(criteria, i * 13 + 7)}`;
    const type = pick(['document', 'population', 'sample', 'configuration', 'walkthrough'], i);
    lines.push(
      [`PBC-${i + 1}`, what, refs, type, date(i, 2026), String(1 + (i % 10)), pick(names, i)]
        .map((v) => `"${v.replace(/"/g, '""')}"`)
        .join(','),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'attest-demo-'));
  try {
    const path = join(dir, 'demo-pbc.csv');
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    await importRequests(vault, { path, fileName: 'demo-pbc.csv', dateOrder: 'mdy' }, signal);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousPeriodSchema } from '../../../shared/api/roll-forward';
import { chainHead } from '../../db/audit';
import { AUDITED_ENTITIES, type AuditedEntity } from '../../db/audited';
import { getSetting } from '../../db/repos/settings';
import { clockFromEnvironment } from '../../platform/clock';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { buildDemoVault } from '../demo/demo';
import { acknowledge } from '../policies/acks';
import { createPolicy, getPolicy } from '../policies/policies';
import { approveVersion, listVersions, startDraft } from '../policies/versions';
import { importRequests } from '../requests/import';
import { writePbcCsv } from '../requests/test-fixtures';
import { getEngagement } from './engagement';
import { vaultInfo } from './info';
import { nextEngagement, rollForward } from './roll-forward';
import { CARRY_ORDER, ROLL_FORWARD, carriedVersions } from './roll-forward-plan';
import type { PolicyVersionTable } from '../../db/schema';
import { type Vault, closeVault, openVault } from './session';
import { verifyVault } from './verify';

const clock = () => clockFromEnvironment({ ATTEST_NOW: '2026-05-15' });

function count(vault: Vault, entity: AuditedEntity | 'blob', where = ''): number {
  const table = entity === 'blob' ? 'blob' : AUDITED_ENTITIES[entity].table;
  return vault.db.sqlite
    .prepare(`SELECT count(*) FROM "${table}"${where ? ` WHERE ${where}` : ''}`)
    .pluck()
    .get() as number;
}

function rows(vault: Vault, table: string): unknown[] {
  return vault.db.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all();
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The demo (period 2026-01-01..2026-06-30, today 2026-05-15) with what a finished audit adds: a
 * policy with a version superseded in the period, one in force at its end, one approved to take
 * effect after it and a draft; acknowledgements; the auditor's request list.
 */
async function auditedDemo(dir: string) {
  const vault = await buildDemoVault(join(dir, 'northwind-2026.attest'), { clock: clock() });
  const [maya, priya] = ['Maya Okafor', 'Priya Raman'].map(
    (name) =>
      vault.db.sqlite.prepare('SELECT id FROM person WHERE name = ?').pluck().get(name) as string,
  ) as [string, string];
  const { policy, draft } = createPolicy(vault, {
    title: 'Roll-forward test policy',
    ownerId: priya,
    body: 'Access is granted on request and reviewed every quarter.',
    reviewMonths: 12,
    acknowledgeWithinDays: 30,
  });
  const v1 = approveVersion(vault, {
    versionId: draft.id,
    approverId: maya,
    approvedOn: '2025-12-01',
  });
  const v2 = approveVersion(vault, {
    versionId: startDraft(vault, policy.id).id,
    approverId: maya,
    approvedOn: '2026-01-11',
  });
  const v3 = approveVersion(vault, {
    versionId: startDraft(vault, policy.id).id,
    approverId: maya,
    approvedOn: '2026-05-15',
    effectiveOn: '2026-07-05',
  });
  const v4 = startDraft(vault, policy.id);
  acknowledge(vault, { versionId: v1.id, personId: priya, acknowledgedOn: '2025-12-02' });
  acknowledge(vault, { versionId: v2.id, personId: priya, acknowledgedOn: '2026-01-12' });
  await importRequests(vault, {
    path: writePbcCsv(dir),
    fileName: 'pbc.csv',
    mapping: { ref: 'PBC #', dueOn: 'Due', wave: 'Wave', criteria: 'TSC Ref.' },
  });
  return { vault, policyId: policy.id, versions: { v1, v2, v3, v4 } };
}

describe('starting the next period', () => {
  // One audited demo for all: a roll forward only reads it (the second test proves it).
  let dir = '';
  let audited: Awaited<ReturnType<typeof auditedDemo>>;
  beforeAll(async () => {
    // Not tempDir(): that one is emptied after every test.
    dir = mkdtempSync(join(tmpdir(), 'attest-rollfwd-'));
    audited = await auditedDemo(dir);
  });
  afterAll(() => {
    closeVault(audited.vault);
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries scope, controls, people, policies in force, risks, the description and open tasks, and nothing else', async () => {
    const { vault: source, policyId, versions } = audited;
    const target = join(dir, 'northwind-2026-h2.attest');
    const summary = await rollForward(source, target, {}, { clock: clock() });
    const next = await openVault(target, { clock: clock() });

    // The next period: from the day after this one ends, six months like it.
    expect(getEngagement(next)).toMatchObject({
      name: getEngagement(source).name,
      client: getEngagement(source).client,
      reportType: 'type2',
      period: { start: '2026-07-01', end: '2026-12-31' },
      categories: getEngagement(source).categories,
      services: getEngagement(source).services,
      auditorFirm: getEngagement(source).auditorFirm,
      contacts: getEngagement(source).contacts,
      catalogVersion: getEngagement(source).catalogVersion,
      scopeConfirmedAt: getEngagement(source).scopeConfirmedAt,
      riskAssessedOn: getEngagement(source).riskAssessedOn,
      // Stated per period: the new one has not said "none" yet.
      incidentsNoneAsOf: null,
      changesNoneAsOf: null,
    });
    expect(summary.engagement.period).toEqual({ start: '2026-07-01', end: '2026-12-31' });

    // Carried whole, row for row (same ids, so every link still holds).
    const whole = CARRY_ORDER.filter(
      (e) =>
        !['task', 'task_control', 'policy_version', 'policy_ack', 'subservice_org'].includes(e),
    );
    for (const entity of [...whole, 'criterion' as const]) {
      expect(rows(next, entity), entity).toEqual(rows(source, entity));
    }
    expect(count(next, 'control')).toBe(130);
    expect(count(next, 'person')).toBe(8);
    expect(count(next, 'risk')).toBeGreaterThan(0);
    // Open tasks go on; done ones stay behind.
    const open = `status <> 'done' AND archived_at IS NULL`;
    expect(count(source, 'task', `status = 'done'`)).toBeGreaterThan(0);
    expect(count(next, 'task')).toBe(count(source, 'task', open));
    expect(count(next, 'task', `status = 'done'`)).toBe(0);
    expect(count(next, 'task_control')).toBe(
      count(source, 'task_control', `task_id IN (SELECT id FROM task WHERE ${open})`),
    );
    // Nothing that belongs to the period audited: no evidence, files, requests, events.
    expect(count(source, 'evidence')).toBeGreaterThan(0);
    expect(count(source, 'request')).toBeGreaterThan(0);
    expect(count(source, 'sd_event')).toBeGreaterThan(0);
    for (const [entity, fate] of Object.entries(ROLL_FORWARD)) {
      if (fate === 'left') expect(count(next, entity as AuditedEntity), entity).toBe(0);
    }
    expect(count(next, 'blob')).toBe(0);
    expect(summary.left).toEqual(
      expect.arrayContaining([
        { entity: 'evidence', count: count(source, 'evidence') },
        { entity: 'request', count: count(source, 'request') },
        { entity: 'task', count: count(source, 'task') - count(next, 'task') },
        // This test's superseded version and the demo's own (Information Security v1).
        {
          entity: 'policy_version',
          count: count(source, 'policy_version') - count(next, 'policy_version'),
        },
        { entity: 'stored file', count: count(source, 'blob') },
      ]),
    );
    expect(summary.carried).toContainEqual({ entity: 'control', count: 130 });

    // The subservice organisation goes on, its CSOCs and CUECs too; its old report does not.
    const [org] = rows(next, 'subservice_org') as Record<string, unknown>[];
    expect(org).toMatchObject({ report_blob_id: null, reviewed_on: null, report_period_end: null });
    expect(count(next, 'subservice_csoc')).toBe(count(source, 'subservice_csoc'));

    // Policies: the version in force at the period's end, the one approved to follow it and the
    // draft, with their approvals; the version superseded during the period stays behind.
    const carried = listVersions(next, policyId);
    expect(
      carried.map((v) => [v.number, v.status, v.approverId, v.approvedOn, v.effectiveOn]),
    ).toEqual([
      [4, 'draft', null, null, null],
      [3, 'approved', versions.v3.approverId, '2026-05-15', '2026-07-05'],
      [2, 'approved', versions.v2.approverId, '2026-01-11', '2026-01-11'],
    ]);
    expect(getPolicy(next, policyId)).toMatchObject({
      inForceNumber: 2,
      draftVersionId: versions.v4.id,
    });
    // This policy's acknowledgements (the demo's own policies carry theirs too).
    const ours = new Set(Object.values(versions).map((v) => v.id));
    const acks = rows(next, 'policy_ack') as { version_id: string }[];
    expect(acks.map((a) => a.version_id).filter((id) => ours.has(id))).toEqual([versions.v2.id]);

    // Where it came from: the previous file, its key, its period and its chain head.
    const previous = previousPeriodSchema.parse(
      JSON.parse(getSetting(next.db, 'previous_period')!),
    );
    expect(previous).toEqual({
      fileName: 'northwind-2026.attest',
      vaultId: getSetting(source.db, 'vault_id'),
      fingerprint: vaultInfo(source).fingerprint,
      engagementName: getEngagement(source).name,
      reportType: 'type2',
      asOf: null,
      period: { start: '2026-01-01', end: '2026-06-30' },
      chainSeq: chainHead(source.db).seq,
      chainHash: chainHead(source.db).hash,
    });
    const entry = next.db.sqlite
      .prepare(`SELECT payload FROM audit_event WHERE entity = 'engagement' AND action = 'update'`)
      .pluck()
      .get() as string;
    expect(JSON.parse(entry)).toEqual({ rolledForwardFrom: previous });
    expect(vaultInfo(next).previousPeriod).toEqual(previous);
    expect(vaultInfo(source).previousPeriod).toBeNull();
    // A vault of its own, whose log vouches for every row it holds.
    expect(vaultInfo(next).fingerprint).not.toBe(vaultInfo(source).fingerprint);
    expect(vaultInfo(next).vaultId).not.toBe(getSetting(source.db, 'vault_id'));
    expect(vaultInfo(next).currentUser.name).toBe('Priya Raman');
    expect((await verifyVault(next)).problems).toEqual([]);
    closeVault(next);
  });

  it('leaves the open vault exactly as it was', async () => {
    const { vault: source } = audited;
    const before = { hash: sha256(source.path), head: chainHead(source.db) };
    await rollForward(source, join(dir, 'unchanged-next.attest'), {}, { clock: clock() });
    expect(chainHead(source.db)).toEqual(before.head);
    expect(sha256(source.path)).toBe(before.hash);
  });

  it('refuses a name that is taken and leaves that file alone', async () => {
    const other = tempDir();
    const source = await newTestVault(other, 'acme.attest');
    const taken = join(other, 'taken.attest');
    writeFileSync(taken, 'someone else’s notes');
    await expect(rollForward(source, taken, {})).rejects.toMatchObject({ code: 'conflict' });
    await expect(rollForward(source, source.path, {})).rejects.toMatchObject({ code: 'conflict' });
    expect(readFileSync(taken, 'utf8')).toBe('someone else’s notes');
    closeVault(source);
  });

  it('leaves nothing under the name when interrupted part-way', async () => {
    const { vault: source } = audited;
    const controller = new AbortController();
    const steps: string[] = [];
    const target = join(dir, 'interrupted.attest');
    await expect(
      rollForward(
        source,
        target,
        {},
        {
          clock: clock(),
          signal: controller.signal,
          onProgress: ({ step }) => {
            steps.push(step!);
            // Part-way: people and criteria are in, controls are being copied.
            if (step!.includes('control')) controller.abort();
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(steps.length).toBeGreaterThan(0);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('interrupted.attest'))).toEqual([]);
  });
});

describe('the next engagement', () => {
  const type1 = {
    ...{ name: 'Acme Type I', client: 'Acme', categories: ['security' as const] },
    reportType: 'type1' as const,
    asOf: '2026-03-31',
    period: null,
  };
  const current = (e: Partial<typeof type1> | object) =>
    ({ ...type1, ...e }) as unknown as Parameters<typeof nextEngagement>[0];

  it('moves a Type I as-of date a year on, or takes what the user chose', () => {
    expect(nextEngagement(current({}), {})).toMatchObject({
      reportType: 'type1',
      asOf: '2027-03-31',
    });
    expect(
      nextEngagement(current({}), {
        name: 'Acme Type II',
        period: { start: '2026-04-01', end: '2027-03-31' },
      }),
    ).toMatchObject({
      name: 'Acme Type II',
      reportType: 'type2',
      period: { start: '2026-04-01', end: '2027-03-31' },
    });
    // Type II after a Type I, without dates: the year after the as-of date.
    expect(nextEngagement(current({}), { reportType: 'type2' }).period).toEqual({
      start: '2026-04-01',
      end: '2027-03-31',
    });
  });

  it('asks for dates when the engagement has none, and refuses a period that ends first', () => {
    expect(() => nextEngagement(current({ asOf: null }), {})).toThrow(/give it/);
    expect(() =>
      nextEngagement(current({}), { period: { start: '2027-01-01', end: '2026-01-01' } }),
    ).toThrow(/must end after it starts/);
  });
});

describe('the policy versions carried', () => {
  const version = (
    id: string,
    policy: string,
    number: number,
    effective: string | null,
  ): PolicyVersionTable => ({
    id,
    policy_id: policy,
    number,
    status: effective ? 'approved' : 'draft',
    body: 'text',
    change_note: '',
    approver_id: effective ? 'per_a' : null,
    approved_on: effective,
    effective_on: effective,
    review_months: 12,
    next_review_on: effective,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  });

  it('are, per policy, the one in force on the last day, later approved ones and the draft', () => {
    const kept = carriedVersions(
      [
        // In force before the period and still at its end: carried.
        version('a1', 'pa', 1, '2025-06-01'),
        // Superseded during the period: left; the one replacing it carried.
        version('b1', 'pb', 1, '2025-06-01'),
        version('b2', 'pb', 2, '2026-03-01'),
        // Nothing in force yet at the end: only what takes effect later, and the draft.
        version('c1', 'pc', 1, '2026-08-01'),
        version('c2', 'pc', 2, null),
      ],
      '2026-06-30',
    );
    expect(kept.map((v) => v.id).sort()).toEqual(['a1', 'b2', 'c1', 'c2']);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  type Case,
  type Harness,
  exported,
  fails,
  finish,
  scopedVault,
  nextId,
  ok,
} from './harness';

/** A vault with two people and the scope confirmed (so library controls rest on policies). */
async function withPeople(t: Harness) {
  await scopedVault(t);
  const ana = await ok(t, 'people.create', { name: 'Ana Lima', email: 'ana@acme.test' });
  const bo = await ok(t, 'people.create', { name: 'Bo Chen', email: 'bo@acme.test' });
  return { ana, bo };
}

/** A policy written from scratch and approved as version 1 on 2026-01-10. */
async function approvedPolicy(t: Harness) {
  const people = await withPeople(t);
  const { policy, draft } = await ok(t, 'policies.create', {
    title: 'Clean desk policy',
    ownerId: people.ana.id,
    body: '## Rule\n\nClear your desk every evening.\n\n| When | What |\n| --- | --- |\n| Evening | Clear |',
  });
  const v1 = await ok(t, 'policies.approve', {
    versionId: draft.id,
    approverId: people.bo.id,
    approvedOn: '2026-01-10',
  });
  return { ...people, policy, v1 };
}

function file(t: Harness, name: string, content: string): string {
  const path = join(t.home, `${nextId()}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** The list's orders, search and paging over both transports. */
async function policyListOrders(t: Harness) {
  const { policy, bo } = await approvedPolicy(t);
  const { policy: travel } = await ok(t, 'policies.create', {
    title: 'Travel desk policy',
    ownerId: bo.id,
  });
  const titles = async (input: object) =>
    (await ok(t, 'policies.list', input)).items.map((p) => p.title);
  // By title unless asked, without regard to case; the search matches the title.
  const all = await titles({ limit: 1000 });
  const lower = all.map((x) => x.toLowerCase());
  expect(lower).toEqual([...lower].sort());
  expect(await titles({ search: 'DESK', sort: { key: 'title', dir: 'desc' } })).toEqual([
    'Travel desk policy',
    'Clean desk policy',
  ]);
  // The owner's name: Ana's before Bo's, and the template policies without an owner last.
  const byOwner = await ok(t, 'policies.list', { sort: { key: 'owner', dir: 'asc' }, limit: 2 });
  expect(byOwner.items.map((p) => p.id)).toEqual([policy.id, travel.id]);
  expect(byOwner.total).toBe(all.length);
  // Approved ahead of drafts ahead of the unwritten, when the state is sorted descending.
  const byStatus = await ok(t, 'policies.list', { sort: { key: 'status', dir: 'desc' } });
  expect(byStatus.items.slice(0, 2).map((p) => p.status)).toEqual(['approved', 'draft']);
  // The next page starts where the first one stopped.
  const next = await ok(t, 'policies.list', {
    sort: { key: 'owner', dir: 'asc' },
    limit: 2,
    cursor: byOwner.nextCursor!,
  });
  expect(next.items.map((p) => p.id)).not.toContain(policy.id);
  expect(next.items[0]!.ownerId).toBeNull();
  await fails(t, 'policies.list', { sort: { key: 'body', dir: 'asc' } }, 'validation');
  await fails(t, 'policies.list', { cursor: 'not-a-cursor' }, 'validation');
}

export const policyCases = {
  'policies.list': async (t) => {
    await withPeople(t);
    const { items } = await ok(t, 'policies.list', {});
    // The confirmed scope's controls rest on template policies, not written yet.
    expect(items.find((p) => p.templateKey === 'access-control')).toMatchObject({
      status: 'not_written',
    });
    await policyListOrders(t);
  },
  'policies.get': async (t) => {
    const { policy } = await approvedPolicy(t);
    expect(await ok(t, 'policies.get', { id: policy.id })).toMatchObject({ status: 'approved' });
    await fails(t, 'policies.get', { id: 'pol_nope' }, 'not_found');
  },
  'policies.createFromTemplate': async (t) => {
    const { ana } = await withPeople(t);
    const r = await ok(t, 'policies.createFromTemplate', {
      templateKey: 'access-control',
      ownerId: ana.id,
    });
    expect(r.problems).toEqual([]);
    expect(r.draft.body).toContain('Ana Lima');
    expect(r.draft.body).not.toContain('{{');
    expect(r.policy.controlIds.length).toBeGreaterThan(5);
    await fails(t, 'policies.createFromTemplate', { templateKey: 'access-control' }, 'conflict');
    await fails(t, 'policies.createFromTemplate', { templateKey: 'no-such' }, 'validation');
  },
  'policies.create': async (t) => {
    await withPeople(t);
    const r = await ok(t, 'policies.create', { title: '  Travel policy ' });
    expect(r.policy).toMatchObject({ title: 'Travel policy', status: 'draft', templateKey: null });
    expect(r.draft).toMatchObject({ number: 1, status: 'draft', body: '' });
    await fails(t, 'policies.create', { title: '' }, 'validation');
  },
  'policies.update': async (t) => {
    const { policy, bo } = await approvedPolicy(t);
    const updated = await ok(t, 'policies.update', {
      id: policy.id,
      patch: { ownerId: bo.id, reviewMonths: 6 },
    });
    expect(updated).toMatchObject({ ownerId: bo.id, reviewMonths: 6 });
    await fails(t, 'policies.update', { id: policy.id, patch: { reviewMonths: 0 } }, 'validation');
  },
  'policies.archive': async (t) => {
    const { policy } = await approvedPolicy(t);
    await ok(t, 'policies.archive', { id: policy.id, archived: true });
    expect((await ok(t, 'policies.list', {})).items.map((p) => p.id)).not.toContain(policy.id);
  },
  'policies.startDraft': async (t) => {
    const { policy, v1 } = await approvedPolicy(t);
    const v2 = await ok(t, 'policies.startDraft', { policyId: policy.id });
    expect(v2).toMatchObject({ number: 2, status: 'draft', body: v1.body });
    await fails(t, 'policies.startDraft', { policyId: policy.id }, 'conflict');
  },
  'policies.updateDraft': async (t) => {
    const { policy, v1 } = await approvedPolicy(t);
    // An approved version is refused by the core, whatever the caller.
    const refused = await fails(
      t,
      'policies.updateDraft',
      { versionId: v1.id, patch: { body: 'rewritten' } },
      'conflict',
    );
    expect(refused.message).toMatch(/approved on 2026-01-10 and cannot change/);
    const v2 = await ok(t, 'policies.startDraft', { policyId: policy.id });
    const edited = await ok(t, 'policies.updateDraft', {
      versionId: v2.id,
      patch: { body: 'New text', changeNote: 'Shorter' },
    });
    expect(edited).toMatchObject({ body: 'New text', changeNote: 'Shorter' });
  },
  'policies.approve': async (t) => {
    const { v1, ana } = await approvedPolicy(t);
    expect(v1).toMatchObject({ status: 'approved', nextReviewOn: '2027-01-10' });
    await fails(
      t,
      'policies.approve',
      { versionId: v1.id, approverId: ana.id, approvedOn: '2026-02-01' },
      'conflict',
    );
    await fails(
      t,
      'policies.approve',
      { versionId: v1.id, approverId: ana.id, approvedOn: '2026-02-30' },
      'validation',
    );
  },
  'policies.versions': async (t) => {
    const { policy } = await approvedPolicy(t);
    await ok(t, 'policies.startDraft', { policyId: policy.id });
    const { items } = await ok(t, 'policies.versions', { policyId: policy.id });
    expect(items.map((v) => [v.number, v.status, v.inForceFrom])).toEqual([
      [2, 'draft', null],
      [1, 'approved', '2026-01-10'],
    ]);
  },
  'policies.version': async (t) => {
    const { v1 } = await approvedPolicy(t);
    expect((await ok(t, 'policies.version', { id: v1.id })).body).toContain('Clear your desk');
    await fails(t, 'policies.version', { id: 'pov_nope' }, 'not_found');
  },
  'policies.diff': async (t) => {
    const { policy, v1 } = await approvedPolicy(t);
    const v2 = await ok(t, 'policies.startDraft', { policyId: policy.id });
    await ok(t, 'policies.updateDraft', {
      versionId: v2.id,
      patch: { body: v1.body.replace('every evening', 'every night') },
    });
    const diff = await ok(t, 'policies.diff', { fromVersionId: v1.id, toVersionId: v2.id });
    expect(diff.changed).toBe(1);
    expect(diff.lines.find((l) => l.kind === 'changed')).toMatchObject({
      words: expect.arrayContaining([
        { kind: 'removed', text: 'evening.' },
        { kind: 'added', text: 'night.' },
      ]),
    });
  },
  'policies.inForce': async (t) => {
    const { policy } = await approvedPolicy(t);
    expect(
      (await ok(t, 'policies.inForce', { policyId: policy.id, date: '2026-01-09' })).version,
    ).toBeNull();
    expect(
      (await ok(t, 'policies.inForce', { policyId: policy.id, date: '2026-05-01' })).version
        ?.number,
    ).toBe(1);
  },
  'policies.setControls': async (t) => {
    const { policy } = await approvedPolicy(t);
    const controls = (await ok(t, 'controls.list', { limit: 2 })).items;
    const linked = await ok(t, 'policies.setControls', {
      id: policy.id,
      controlIds: controls.map((c) => c.id),
    });
    expect(linked.controlIds.sort()).toEqual(controls.map((c) => c.id).sort());
    await fails(
      t,
      'policies.setControls',
      { id: policy.id, controlIds: ['ctl_nope'] },
      'validation',
    );
  },
  'policies.acknowledge': async (t) => {
    const { v1, ana } = await approvedPolicy(t);
    const ack = await ok(t, 'policies.acknowledge', {
      versionId: v1.id,
      personId: ana.id,
      acknowledgedOn: '2026-01-11',
    });
    expect(ack).toMatchObject({ personName: 'Ana Lima', source: 'manual', versionNumber: 1 });
    await fails(
      t,
      'policies.acknowledge',
      { versionId: v1.id, personId: ana.id, acknowledgedOn: '2026-01-12' },
      'conflict',
    );
  },
  'policies.acknowledgements': async (t) => {
    const { policy, v1, bo } = await approvedPolicy(t);
    await ok(t, 'policies.acknowledge', {
      versionId: v1.id,
      personId: bo.id,
      acknowledgedOn: '2026-01-11',
    });
    const { items } = await ok(t, 'policies.acknowledgements', { policyId: policy.id });
    expect(items.map((a) => a.personName)).toEqual(['Bo Chen']);
  },
  'policies.previewAckImport': async (t) => {
    const { v1 } = await approvedPolicy(t);
    const path = file(
      t,
      'lms.csv',
      'Email,Completed\nana@acme.test,2026-01-20\nzed@x.test,2026-01-20\n',
    );
    const preview = await ok(t, 'policies.previewAckImport', {
      versionId: v1.id,
      source: await t.source(path),
      fileName: 'lms.csv',
    });
    expect(preview).toMatchObject({
      mapping: { person: 'Email', date: 'Completed' },
      importable: 1,
      refused: 1,
    });
  },
  'policies.importAcks': async (t) => {
    const { v1, policy } = await approvedPolicy(t);
    const path = file(
      t,
      'lms.csv',
      'Email,Completed\nana@acme.test,2026-01-20\nbo@acme.test,2026-01-21\n',
    );
    const job = await finish(
      t,
      (
        await ok(t, 'policies.importAcks', {
          versionId: v1.id,
          source: await t.source(path),
          fileName: 'lms.csv',
          mapping: { person: 'Email', date: 'Completed' },
        })
      ).jobId,
    );
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ imported: 2, alreadyRecorded: 0, refused: [] });
    expect((await ok(t, 'policies.acknowledgements', { policyId: policy.id })).items).toHaveLength(
      2,
    );
  },
  'policies.missingAcks': async (t) => {
    const { policy, v1, ana } = await approvedPolicy(t);
    await ok(t, 'policies.acknowledge', {
      versionId: v1.id,
      personId: ana.id,
      acknowledgedOn: '2026-01-11',
    });
    const missing = await ok(t, 'policies.missingAcks', {
      policyId: policy.id,
      asOf: '2099-01-01',
    });
    expect(missing.version?.number).toBe(1);
    expect(missing.people.map((p) => [p.name, p.state])).toEqual([['Bo Chen', 'overdue']]);
  },
  'policies.consistency': async (t) => {
    await withPeople(t);
    const { policy } = await ok(t, 'policies.createFromTemplate', {
      templateKey: 'access-control',
    });
    const ac06 = (await ok(t, 'controls.list', { search: 'AC-06' })).items.find(
      (c) => c.ref === 'AC-06',
    )!;
    await ok(t, 'controls.update', { id: ac06.id, patch: { frequency: 'annual' } });
    const { findings } = await ok(t, 'policies.consistency', { controlId: ac06.id });
    expect(findings).toEqual([
      expect.objectContaining({ policyId: policy.id, promised: 'quarterly', actual: 'annual' }),
    ]);
  },
  'policies.export': async (t) => {
    const { v1 } = await approvedPolicy(t);
    const { result, bytes } = await exported(t, 'policies.export', {
      versionId: v1.id,
      format: 'md',
    });
    // A download is named for the policy, its version and approval; a saved file as the user chose.
    if (t.transport === 'http')
      expect(result.fileName).toBe('Clean-desk-policy_v1_approved-2026-01-10.md');
    expect(bytes.toString('utf8')).toContain('Clear your desk every evening.');
    const pdf = await exported(t, 'policies.export', { versionId: v1.id, format: 'pdf' });
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  },
} satisfies Record<string, Case>;

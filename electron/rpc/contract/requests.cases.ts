import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  type Case,
  exported,
  type Harness,
  fails,
  finish,
  freshVault,
  nextId,
  ok,
  preparedVault,
} from './harness';

const CSV = [
  'PBC #;TSC Ref.;Item Requested;Owner;Due;Wave;Auditor Status;Notes',
  'PBC-1;CC6.1;"Access policy\nsigned";Ana Lima;31/03/2099;1;Open;',
  '',
  'PBC-2;CC6.2, CC6.3;New hires;;15/01/2020;2;Follow-up;Include contractors',
  'PBC-10;CC7.2;Incident tickets;;;2;;',
  ';;Row without a number;;;;;',
].join('\n');

const MAPPING = {
  ref: 'PBC #',
  criteria: 'TSC Ref.',
  description: 'Item Requested',
  owner: 'Owner',
  dueOn: 'Due',
  wave: 'Wave',
  comments: 'Notes',
};

function file(t: Harness, name: string, content: string | Buffer): string {
  const path = join(t.home, `${nextId()}-${name}`);
  writeFileSync(path, content);
  return path;
}

async function importSampleList(t: Harness) {
  await ok(t, 'scope.confirm', {});
  const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
  const path = file(t, 'pbc.csv', CSV);
  const job = await finish(
    t,
    (
      await ok(t, 'requests.import', {
        source: await t.source(path),
        fileName: 'pbc.csv',
        mapping: MAPPING,
      })
    ).jobId,
  );
  expect(job.state).toBe('succeeded');
  return { ana, path, items: (await ok(t, 'requests.list', {})).items };
}

/**
 * A vault with Ana, the scope confirmed and the sample list imported (a copy of one made so:
 * preparedVault). `path` is the imported file; read it, never change it.
 */
export async function withRequests(t: Harness) {
  const { ana, path, items } = (await preparedVault(t, 'requests', importSampleList)).prepared;
  const byRef = (ref: string) => items.find((r) => r.ref === ref)!;
  return { ana, byRef, path };
}

export const requestCases = {
  'requests.previewImport': async (t) => {
    await freshVault(t);
    const path = file(t, 'pbc.csv', CSV);
    const preview = await ok(t, 'requests.previewImport', {
      source: await t.source(path),
      fileName: 'pbc.csv',
    });
    expect(preview).toMatchObject({
      guessed: true,
      mapping: MAPPING,
      unplacedHeaders: ['Auditor Status'],
      counts: { new: 3, updated: 0, unchanged: 0, skipped: 1 },
      dateOrder: { order: 'dmy', source: 'file' },
    });
    expect(preview.rows.map((r) => [r.row, r.ref, r.dueOn])).toEqual([
      [2, 'PBC-1', '2099-03-31'],
      [4, 'PBC-2', '2020-01-15'],
      [5, 'PBC-10', null],
    ]);
    expect(preview.problems).toContainEqual({
      row: 6,
      column: 'PBC #',
      message: 'No request number; the row is not imported',
      severity: 'error',
    });
    // A preview saves nothing.
    expect((await ok(t, 'requests.list', {})).total).toBe(0);
    const png = file(t, 'shot.xlsx', Buffer.from('89504e470d0a1a0a0000000d', 'hex'));
    const refused = await fails(
      t,
      'requests.previewImport',
      { source: await t.source(png), fileName: 'shot.xlsx' },
      'validation',
    );
    expect(refused.message).toContain('shot.xlsx is not a spreadsheet');
  },
  'requests.import': async (t) => {
    const { path } = await withRequests(t);
    expect((await ok(t, 'requests.list', {})).items.map((r) => r.ref)).toEqual([
      'PBC-1',
      'PBC-2',
      'PBC-10',
    ]);
    // The same file again: found by reference, nothing duplicated.
    const again = await finish(
      t,
      (
        await ok(t, 'requests.import', {
          source: await t.source(path),
          fileName: 'pbc.csv',
          mapping: MAPPING,
        })
      ).jobId,
    );
    expect(again.result).toMatchObject({
      counts: { new: 0, updated: 0, unchanged: 3, skipped: 1 },
    });
    expect((await ok(t, 'requests.list', {})).total).toBe(3);
    // No request-number column: the job fails as a validation error and saves nothing.
    const noRef = file(t, 'people.csv', 'Name,Team\nAna,Eng\n');
    const failed = await finish(
      t,
      (
        await ok(t, 'requests.import', {
          source: await t.source(noRef),
          fileName: 'people.csv',
          mapping: { ref: 'PBC #' },
        })
      ).jobId,
    );
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({
      code: 'validation',
      message: 'This file has no column "PBC #"',
    });
    expect((await ok(t, 'requests.list', {})).total).toBe(3);
    await fails(
      t,
      'requests.import',
      { source: await t.source(path), fileName: 'pbc.csv', mapping: {} },
      'validation',
    );
  },
  'requests.list': async (t) => {
    const { ana } = await withRequests(t);
    const refs = async (filter: object) =>
      (await ok(t, 'requests.list', filter)).items.map((r) => r.ref);
    expect(await refs({ overdue: true })).toEqual(['PBC-2']);
    expect(await refs({ ownerId: ana.id })).toEqual(['PBC-1']);
    expect(await refs({ wave: '2' })).toEqual(['PBC-2', 'PBC-10']);
    expect(await refs({ search: 'follow-up' })).toEqual(['PBC-2']);
    expect(await refs({ waitingForReview: true })).toEqual([]);
    const page = await ok(t, 'requests.list', { limit: 2 });
    expect([page.nextCursor, page.total]).toEqual(['PBC-2', 3]);
    expect(await refs({ limit: 2, cursor: page.nextCursor })).toEqual(['PBC-10']);
    await fails(t, 'requests.list', { overdue: 'yes' }, 'validation');
    // Sorted on the server: undated last either way; paging follows the order asked for.
    expect(await refs({ sort: { key: 'dueOn', dir: 'asc' } })).toEqual([
      'PBC-2',
      'PBC-1',
      'PBC-10',
    ]);
    expect(await refs({ sort: { key: 'dueOn', dir: 'desc' } })).toEqual([
      'PBC-1',
      'PBC-2',
      'PBC-10',
    ]);
    expect(await refs({ sort: { key: 'ref', dir: 'desc' } })).toEqual(['PBC-10', 'PBC-2', 'PBC-1']);
    // By the owner's name, ties in the auditor's order; the owners' names, then the unowned.
    expect(await refs({ sort: { key: 'owner', dir: 'asc' } })).toEqual([
      'PBC-1',
      'PBC-2',
      'PBC-10',
    ]);
    const sort = { key: 'dueOn', dir: 'desc' } as const;
    const first = await ok(t, 'requests.list', { limit: 1, sort });
    expect([first.items[0]!.ref, first.nextCursor]).toEqual(['PBC-1', 'PBC-1']);
    const second = await ok(t, 'requests.list', { limit: 1, sort, cursor: first.nextCursor! });
    expect([second.items[0]!.ref, second.nextCursor]).toEqual(['PBC-2', 'PBC-2']);
    expect(await refs({ limit: 1, sort, cursor: second.nextCursor })).toEqual(['PBC-10']);
    const badSort = await fails(
      t,
      'requests.list',
      { sort: { key: 'colour', dir: 'asc' } },
      'validation',
    );
    expect(badSort.details).toMatchObject([{ path: ['sort', 'key'] }]);
    const badCursor = await fails(t, 'requests.list', { sort, cursor: 'PBC-99' }, 'validation');
    expect(badCursor.details).toEqual([
      { path: ['cursor'], message: 'No request has this reference' },
    ]);
  },
  'requests.get': async (t) => {
    const { byRef } = await withRequests(t);
    const detail = await ok(t, 'requests.get', { id: byRef('PBC-2').id });
    expect(detail.request).toMatchObject({
      ref: 'PBC-2',
      criteria: ['CC6.2', 'CC6.3'],
      auditorStatus: null,
      extraColumns: [{ header: 'Auditor Status', value: 'Follow-up' }],
    });
    expect(detail.request.controlIdsViaCriteria.length).toBeGreaterThan(0);
    expect(detail.comments).toMatchObject([{ body: 'Include contractors', source: 'import' }]);
    await fails(t, 'requests.get', { id: 'req_ghost' }, 'not_found');
  },
  'requests.update': async (t) => {
    const { ana, byRef } = await withRequests(t);
    const updated = await ok(t, 'requests.update', {
      id: byRef('PBC-10').id,
      patch: { ownerId: ana.id, type: 'sample', dueOn: '2026-05-01' },
    });
    expect(updated).toMatchObject({ status: 'assigned', type: 'sample', dueOn: '2026-05-01' });
    // The auditor's status is not the consultant's to set, through any method.
    const id = byRef('PBC-2').id;
    await fails(t, 'requests.update', { id, patch: { auditorStatus: 'accepted' } }, 'validation');
    await fails(t, 'requests.setStatus', { id, status: 'accepted' }, 'validation');
    await fails(
      t,
      'requests.setStatus',
      { id, status: 'submitted', auditorStatus: 'accepted' },
      'validation',
    );
    await fails(
      t,
      'requests.archive',
      { id, archived: false, auditorStatus: 'accepted' },
      'validation',
    );
    await fails(t, 'requests.comment', { id, body: 'x', auditorStatus: 'accepted' }, 'validation');
    const path = file(t, 'pbc.csv', CSV);
    await fails(
      t,
      'requests.import',
      {
        source: await t.source(path),
        fileName: 'pbc.csv',
        mapping: { ...MAPPING, auditorStatus: 'Auditor Status' },
      },
      'validation',
    );
    expect((await ok(t, 'requests.get', { id })).request.auditorStatus).toBeNull();
    await fails(t, 'requests.update', { id, patch: { reviewerId: 'per_ghost' } }, 'validation');
  },
  'requests.setStatus': async (t) => {
    const { byRef } = await withRequests(t);
    const id = byRef('PBC-1').id;
    expect((await ok(t, 'requests.setStatus', { id, status: 'ready_for_review' })).status).toBe(
      'ready_for_review',
    );
    const submitted = await ok(t, 'requests.setStatus', { id, status: 'submitted' });
    expect(submitted.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await fails(t, 'requests.setStatus', { id, status: 'in_progress' }, 'conflict');
    const reopened = await ok(t, 'requests.setStatus', { id, status: 'in_progress', reopen: true });
    expect(reopened).toMatchObject({ status: 'in_progress', submittedOn: null });
    await fails(
      t,
      'requests.setStatus',
      { id: byRef('PBC-10').id, status: 'assigned' },
      'conflict',
    );
  },
  'requests.comment': async (t) => {
    const { byRef } = await withRequests(t);
    const detail = await ok(t, 'requests.comment', { id: byRef('PBC-1').id, body: ' Sent v2 ' });
    expect(detail.comments).toMatchObject([{ body: 'Sent v2', source: 'user' }]);
    expect(detail.request.commentCount).toBe(1);
    await fails(t, 'requests.comment', { id: byRef('PBC-1').id, body: '  ' }, 'validation');
  },
  'requests.archive': async (t) => {
    const { byRef } = await withRequests(t);
    const archived = await ok(t, 'requests.archive', { id: byRef('PBC-10').id, archived: true });
    expect(archived.archived).toBe(true);
    expect((await ok(t, 'requests.list', {})).items.map((r) => r.ref)).toEqual(['PBC-1', 'PBC-2']);
    expect((await ok(t, 'requests.list', { includeArchived: true })).total).toBe(3);
  },
  // The import wizard's Cancel: a staged upload that will not be imported. Staging itself is
  // browser-only (POST /upload); electron/core/requests/uploads.test.ts stages real files.
  'blobs.discardUpload': async (t) => {
    expect(await ok(t, 'blobs.discardUpload', { uploadId: 'up_0123abcd' })).toEqual({
      outcome: 'not_staged',
    });
    const error = await fails(t, 'blobs.discardUpload', { uploadId: '../etc' }, 'validation');
    expect(error.details).toEqual([{ path: ['uploadId'], message: 'Not an upload id' }]);
    await fails(t, 'blobs.discardUpload', {}, 'validation');
  },
  'requests.export': async (t) => {
    await withRequests(t);
    for (const format of ['csv', 'xlsx'] as const) {
      const { result, bytes } = await exported(t, 'requests.export', { format });
      // A chosen path names the file; a download keeps the name Attest gives it.
      if (!result.savedTo)
        expect(result.fileName).toMatch(new RegExp(`^Request-List_.*\\.${format}$`));
      expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const verify = await finish(t, (await ok(t, 'vault.verify', {})).jobId);
    expect(verify.result).toMatchObject({ ok: true });
  },
} satisfies Record<string, Case>;

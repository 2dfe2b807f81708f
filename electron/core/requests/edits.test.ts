import { describe, expect, it } from 'vitest';
import { listControlRows } from '../../db/repos/controls';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { createPerson, setCurrentPerson } from '../people/people';
import { auditHistory } from '../audit/history';
import { closeVault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { archiveRequest, commentOnRequest, setRequestStatus, updateRequest } from './edits';
import { importRequests } from './import';
import { filterRequests, getRequestDetail, listRequests } from './queries';
import { writePbcCsv } from './test-fixtures';
import { refusal } from '../../testing/refusal';

async function imported() {
  const dir = tempDir();
  const vault = await newScopedTestVault(dir);
  const ana = createPerson(vault, { name: 'Ana Lima', email: 'ana@acme.io' });
  const bo = createPerson(vault, { name: 'Bo Chen' });
  await importRequests(vault, {
    path: writePbcCsv(dir),
    fileName: 'pbc.csv',
    mapping: { ref: 'PBC #', dueOn: 'Due', wave: 'Wave', criteria: 'TSC Ref.' },
  });
  const [a, b, c] = filterRequests(vault, { includeArchived: false });
  return { vault, ana, bo, a: a!, b: b!, c: c! };
}

describe('working a request', () => {
  it('assigns on naming an owner, moves through review to submitted, and reopens only explicitly', async () => {
    const { vault, ana, bo, a } = await imported();
    expect(a.status).toBe('new');
    expect(
      refusal(() => setRequestStatus(vault, a.id, { status: 'assigned', reopen: false })).code,
    ).toBe('conflict');
    expect(updateRequest(vault, a.id, { ownerId: ana.id }).status).toBe('assigned');
    expect(refusal(() => updateRequest(vault, a.id, { reviewerId: ana.id })).details).toEqual([
      {
        path: ['reviewerId'],
        message: 'The reviewer checks the owner’s work; choose someone other than the owner',
      },
    ]);
    updateRequest(vault, a.id, { reviewerId: bo.id });
    setRequestStatus(vault, a.id, { status: 'ready_for_review', reopen: false });
    expect(
      listRequests(vault, { limit: 10, waitingForReview: true, includeArchived: false }).items.map(
        (r) => r.ref,
      ),
    ).toEqual(['PBC-001']);
    // Back to work after the review, then submitted: today's date is recorded.
    setRequestStatus(vault, a.id, { status: 'in_progress', reopen: false });
    const submitted = setRequestStatus(vault, a.id, { status: 'submitted', reopen: false });
    expect(submitted).toMatchObject({
      status: 'submitted',
      submittedOn: '2026-01-15',
      overdue: false,
    });
    expect(
      refusal(() => setRequestStatus(vault, a.id, { status: 'in_progress', reopen: false }))
        .message,
    ).toMatch(/reopen it explicitly/);
    const reopened = setRequestStatus(vault, a.id, { status: 'in_progress', reopen: true });
    expect(reopened).toMatchObject({ status: 'in_progress', submittedOn: null });
    expect(
      setRequestStatus(vault, a.id, {
        status: 'submitted',
        reopen: false,
        submittedOn: '2026-01-10',
      }).submittedOn,
    ).toBe('2026-01-10');
    expect(
      refusal(() =>
        setRequestStatus(vault, a.id, {
          status: 'submitted',
          reopen: false,
          submittedOn: '2027-01-01',
        }),
      ).code,
    ).toBe('validation');
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('un-assigns a request whose owner is removed', async () => {
    const { vault, ana, b } = await imported();
    expect(updateRequest(vault, b.id, { ownerId: ana.id }).status).toBe('assigned');
    expect(updateRequest(vault, b.id, { ownerId: null }).status).toBe('new');
    closeVault(vault);
  });

  it('edits links and fields, refusing unknown people, controls and criteria', async () => {
    const { vault, b } = await imported();
    const ac01 = listControlRows(vault.db).find((c) => c.ref === 'AC-01')!.id;
    const edited = updateRequest(vault, b.id, {
      description: 'New hires with start dates',
      type: 'population',
      wave: '2b',
      dueOn: '2026-02-01',
      criteria: ['CC6.2', 'CC6.2'],
      controlIds: [ac01],
    });
    expect(edited).toMatchObject({
      description: 'New hires with start dates',
      type: 'population',
      wave: '2b',
      criteria: ['CC6.2'],
      controlIds: [ac01],
    });
    // Controls mapped to the linked criteria are reported alongside, from the live mapping.
    expect(edited.controlIdsViaCriteria.length).toBeGreaterThan(0);
    expect(refusal(() => updateRequest(vault, b.id, { ownerId: 'per_ghost' })).code).toBe(
      'validation',
    );
    expect(refusal(() => updateRequest(vault, b.id, { controlIds: ['ctl_ghost'] })).code).toBe(
      'validation',
    );
    expect(refusal(() => updateRequest(vault, b.id, { criteria: ['CC1.8'] })).code).toBe(
      'validation',
    );
    expect(refusal(() => updateRequest(vault, 'req_ghost', { wave: 'x' })).code).toBe('not_found');
    closeVault(vault);
  });

  it('lists by filters a consultant uses before a call', async () => {
    const { vault, ana, a, b, c } = await imported();
    updateRequest(vault, a.id, { dueOn: '2026-01-01', ownerId: ana.id });
    updateRequest(vault, b.id, { dueOn: '2026-01-01' });
    setRequestStatus(vault, b.id, { status: 'submitted', reopen: false });
    const refs = (q: Partial<Parameters<typeof listRequests>[1]>) =>
      listRequests(vault, { limit: 100, includeArchived: false, ...q }).items.map((r) => r.ref);
    expect(refs({ overdue: true })).toEqual(['PBC-001']);
    expect(refs({ ownerId: ana.id })).toEqual(['PBC-001']);
    expect(refs({ wave: '2' })).toEqual(['PBC-002', 'PBC-010']);
    expect(refs({ notSubmitted: true })).toEqual(['PBC-001', 'PBC-010']);
    expect(refs({ search: 'follow-up' })).toEqual(['PBC-010']);
    expect(refs({ search: 'new hires' })).toEqual(['PBC-002']);
    const page = listRequests(vault, { limit: 2, includeArchived: false });
    expect([page.items.map((r) => r.ref), page.nextCursor, page.total]).toEqual([
      ['PBC-001', 'PBC-002'],
      'PBC-002',
      3,
    ]);
    expect(refs({ limit: 2, cursor: 'PBC-002' })).toEqual(['PBC-010']);
    archiveRequest(vault, c.id, true);
    expect(refs({})).toEqual(['PBC-001', 'PBC-002']);
    expect(refs({ includeArchived: true })).toEqual(['PBC-001', 'PBC-002', 'PBC-010']);
    closeVault(vault);
  });

  it('keeps a follow-up thread written by the current user, every change in the audit log', async () => {
    const { vault, bo, c } = await imported();
    setCurrentPerson(vault, bo.id);
    commentOnRequest(vault, c.id, 'Auditor wants the Q1 tickets with root causes');
    const detail = commentOnRequest(vault, c.id, 'Sent on Friday');
    expect(detail.comments.map((x) => [x.author, x.authorPersonId, x.body, x.source])).toEqual([
      ['Bo Chen', bo.id, 'Auditor wants the Q1 tickets with root causes', 'user'],
      ['Bo Chen', bo.id, 'Sent on Friday', 'user'],
    ]);
    expect(detail.request.commentCount).toBe(2);
    archiveRequest(vault, c.id, true);
    archiveRequest(vault, c.id, true); // archiving twice changes nothing
    expect(getRequestDetail(vault, c.id).request.archived).toBe(true);
    const log = vault.db.sqlite
      .prepare(
        `SELECT entity, action, actor FROM audit_event WHERE entity LIKE 'request%' AND seq > (SELECT max(seq) FROM audit_event WHERE entity = 'setting') ORDER BY seq`,
      )
      .all();
    expect(log).toEqual([
      { entity: 'request_comment', action: 'create', actor: 'Bo Chen' },
      { entity: 'request_comment', action: 'create', actor: 'Bo Chen' },
      { entity: 'request', action: 'archive', actor: 'Bo Chen' },
    ]);
    // The request's History names it by its reference and what it asks, never by its id.
    const history = auditHistory(vault, { entityId: c.id, limit: 10 });
    expect(history.items[0]!.label).toMatch(new RegExp(`^${c.ref} `));
    expect(history.items.every((e) => !e.label.includes(c.id))).toBe(true);
    // A row changed behind the app's back is named by verify.
    expect((await verifyVault(vault)).problems).toEqual([]);
    vault.db.sqlite
      .prepare(`UPDATE request SET auditor_status = 'accepted' WHERE id = ?`)
      .run(c.id);
    expect((await verifyVault(vault)).problems.map((p) => p.kind)).toContain('row_changed');
    closeVault(vault);
  });
});

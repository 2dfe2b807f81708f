import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evidenceAddInput,
  evidenceLinkInput,
  evidenceNoteInput,
} from '../../../shared/api/evidence';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { reviewedInstances } from '../gaps/control-evidence';
import { createPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import { listControls } from '../scope/controls';
import { closeVault, openVault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import {
  getEvidenceDetail,
  listEvidence,
  reviewEvidence,
  searchEvidenceItems,
  supersedeEvidence,
  updateEvidence,
} from './evidence';
import { collectFiles, ingestEvidence } from './ingest';
import { addLinkEvidence, addNoteEvidence } from './written';

const SORT = { key: 'ref', dir: 'asc' } as const;

async function scopedVault() {
  const dir = tempDir();
  const vault = await newTestVault(dir);
  applyScope(vault);
  const controls = listControls(vault, { includeArchived: false, limit: 10 }).items;
  return { dir, vault, controls };
}

describe('links and notes as evidence', () => {
  it('carry links and dates, count as reviewed evidence for the control, and verify with no bytes', async () => {
    const { dir, vault, controls } = await scopedVault();
    const control = controls[0]!;
    const link = addLinkEvidence(
      vault,
      evidenceLinkInput.parse({
        url: 'https://tickets.example.com/browse/SEC-42',
        title: 'Offboarding ticket',
        controlIds: [control.id],
        performedOn: '2026-02-03',
        coverage: { asOf: '2026-02-03' },
      }),
    );
    const note = addNoteEvidence(
      vault,
      evidenceNoteInput.parse({
        title: 'Inquiry with the CTO',
        body: 'Deployments need **two** approvals; asked on 2026-03-02.',
        controlIds: [control.id],
        performedOn: '2026-03-02',
      }),
    );
    expect([link.ref, link.kind, link.file, link.url]).toEqual([
      'EV-1',
      'link',
      null,
      'https://tickets.example.com/browse/SEC-42',
    ]);
    expect(getEvidenceDetail(vault, note.id)).toMatchObject({ kind: 'note', url: null });
    expect(getEvidenceDetail(vault, note.id).body).toContain('**two** approvals');
    expect(getEvidenceDetail(vault, link.id).body).toBeNull();

    // The list filters by type in SQL; search finds a link by its address, a note by its text.
    const page = (kind?: 'link' | 'note' | 'file') =>
      listEvidence(vault, { includeSuperseded: false, kind }, SORT, { limit: 10 });
    expect(page('link').items.map((e) => e.ref)).toEqual(['EV-1']);
    expect(page('note').items.map((e) => e.ref)).toEqual(['EV-2']);
    expect(page('file').total).toBe(0);
    expect(searchEvidenceItems(vault, 'tickets', 5).items.map((i) => i.ref)).toEqual(['EV-1']);
    expect(searchEvidenceItems(vault, 'approvals', 5).items.map((i) => i.ref)).toEqual(['EV-2']);
    updateEvidence(vault, note.id, { body: 'Rewritten after a follow-up call.' });
    expect(searchEvidenceItems(vault, 'approvals', 5).items).toEqual([]);
    expect(searchEvidenceItems(vault, 'follow', 5).items.map((i) => i.ref)).toEqual(['EV-2']);
    expect(() => updateEvidence(vault, link.id, { body: 'x' })).toThrow(/not a note/);
    expect(() => updateEvidence(vault, note.id, { url: 'https://x.example' })).toThrow(
      /not a link/,
    );

    // Reviewed by someone independent, they are instances of the control like files.
    const reviewer = createPerson(vault, { name: 'Rita Reviewer' });
    reviewEvidence(vault, link.id, reviewer.id, '2026-02-10');
    reviewEvidence(vault, note.id, reviewer.id, '2026-03-05');
    const instances = reviewedInstances(vault).get(control.id) ?? [];
    expect(instances.map((i) => i.performedOn).sort()).toEqual(['2026-02-03', '2026-03-02']);

    // A file may supersede a note (the signed minutes replace the notes of a call).
    writeFileSync(join(dir, 'minutes.pdf'), 'signed minutes');
    const input = evidenceAddInput.parse({ sources: [{ path: join(dir, 'minutes.pdf') }] });
    const { files, skipped } = collectFiles(input.sources as { path: string }[]);
    const minutes = (await ingestEvidence(vault, input, files, skipped)).added[0]!;
    supersedeEvidence(vault, note.id, minutes.evidenceId, '2026-03-10');
    expect(page('note').total).toBe(0);

    // Nothing stored for either: no blob, and verify (audit states, blobs) is clean, reopened too.
    expect(vault.db.sqlite.prepare('SELECT count(*) FROM blob').pluck().get()).toBe(1);
    expect((await verifyVault(vault)).problems).toEqual([]);
    const path = vault.path;
    closeVault(vault);
    const again = await openVault(path);
    expect((await verifyVault(again)).problems).toEqual([]);
    closeVault(again);
  });

  it('is kept to its kind in SQL: a link needs its address, a note its text, a file neither', async () => {
    const { vault } = await scopedVault();
    const link = addLinkEvidence(
      vault,
      evidenceLinkInput.parse({ url: 'http://intranet.example/dash', title: 'Dashboard' }),
    );
    const db = vault.db.sqlite;
    expect(() => db.prepare(`UPDATE evidence SET url = NULL WHERE id = ?`).run(link.id)).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare(`UPDATE evidence SET body = 'x' WHERE id = ?`).run(link.id)).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare(`UPDATE evidence SET kind = 'file' WHERE id = ?`).run(link.id)).toThrow(
      /CHECK/,
    );
    closeVault(vault);
  });
});

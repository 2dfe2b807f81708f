import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceAddInput, evidenceLinkInput } from '../../../shared/api/evidence';
import { listEvidence, searchEvidenceItems } from '../../core/evidence/evidence';
import { collectFiles, ingestEvidence } from '../../core/evidence/ingest';
import { addLinkEvidence } from '../../core/evidence/written';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { undoLinkNoteEvidence } from '../../testing/migration-rollback';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';

describe('migration 018: links and notes', () => {
  it('upgrades a format-17 vault with evidence: states unchanged, search kept, links accepted', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    writeFileSync(join(dir, 'review.txt'), 'Quarterly access review.');
    const input = evidenceAddInput.parse({
      sources: [{ path: join(dir, 'review.txt') }],
      notes: 'Signed by the CISO',
    });
    const { files, skipped } = collectFiles(input.sources as { path: string }[]);
    await ingestEvidence(vault, input, files, skipped);
    undoLinkNoteEvidence(vault.db.sqlite);
    vault.db.sqlite.pragma('user_version = 17');
    const path = vault.path;
    closeVault(vault);

    const migrated = await openVault(path);
    try {
      expect(migrated.migratedFrom?.version).toBe(17);
      // Nothing re-recorded: every existing row still matches its audited state.
      expect((await verifyVault(migrated)).problems).toEqual([]);
      expect(searchEvidenceItems(migrated, 'CISO', 5).items.map((i) => i.ref)).toEqual(['EV-1']);
      const link = addLinkEvidence(
        migrated,
        evidenceLinkInput.parse({ url: 'https://status.example.com', title: 'Status page' }),
      );
      expect(link.ref).toBe('EV-2');
      expect(searchEvidenceItems(migrated, 'status', 5).items.map((i) => i.ref)).toEqual(['EV-2']);
      const all = listEvidence(
        migrated,
        { includeSuperseded: false },
        { key: 'ref', dir: 'asc' },
        {
          limit: 10,
        },
      );
      expect(all.items.map((e) => [e.kind, e.url])).toEqual([
        ['file', null],
        ['link', 'https://status.example.com'],
      ]);
      expect((await verifyVault(migrated)).problems).toEqual([]);
    } finally {
      closeVault(migrated);
    }
  });
});

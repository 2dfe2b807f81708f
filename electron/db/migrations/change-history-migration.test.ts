import { describe, expect, it } from 'vitest';
import { evidenceLinkInput, evidenceNoteInput } from '../../../shared/api/evidence';
import { getEvidence, updateEvidence } from '../../core/evidence/evidence';
import { addLinkEvidence, addNoteEvidence } from '../../core/evidence/written';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';

describe('migration 020: an evidence link as an automated control’s change history', () => {
  it('upgrades a format-19 vault: every link an instance, nothing re-recorded, the mark audited', async () => {
    const vault = await newScopedTestVault(tempDir());
    const automated = vault.db.sqlite
      .prepare("SELECT id FROM control WHERE nature = 'automated' AND archived_at IS NULL")
      .pluck()
      .get() as string;
    const note = addNoteEvidence(
      vault,
      evidenceNoteInput.parse({ title: 'Walkthrough', body: 'Seen.', controlIds: [automated] }),
    );
    // Back to format 19: the column did not exist.
    vault.db.sqlite.exec('ALTER TABLE evidence_control DROP COLUMN purpose');
    vault.db.sqlite.pragma('user_version = 19');
    const path = vault.path;
    closeVault(vault);

    const migrated = await openVault(path);
    try {
      expect(migrated.migratedFrom?.version).toBe(19);
      expect(getEvidence(migrated, note.id)).toMatchObject({
        controlIds: [automated],
        changeHistoryFor: [],
      });
      // An empty column is no change of state: the link still matches its audited state.
      expect((await verifyVault(migrated)).problems).toEqual([]);

      const log = addLinkEvidence(
        migrated,
        evidenceLinkInput.parse({
          url: 'https://git.example.com/config/commits',
          title: 'Configuration commits',
          changeHistoryFor: [automated],
        }),
      );
      expect(log).toMatchObject({ controlIds: [automated], changeHistoryFor: [automated] });
      const back = updateEvidence(migrated, log.id, { changeHistoryFor: [] });
      expect(back.changeHistoryFor).toEqual([]);
      const entries = migrated.db.sqlite
        .prepare(
          "SELECT action FROM audit_event WHERE entity = 'evidence_control' AND entity_id = ? ORDER BY seq",
        )
        .pluck()
        .all(`${log.id}|${automated}`);
      expect(entries).toEqual(['create', 'update', 'update']);
      expect((await verifyVault(migrated)).problems).toEqual([]);

      expect(() =>
        migrated.db.sqlite.prepare("UPDATE evidence_control SET purpose = 'instance'").run(),
      ).toThrow(/CHECK constraint/);
    } finally {
      closeVault(migrated);
    }
  });
});

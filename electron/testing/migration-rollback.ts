/**
 * Migration 018 (links and notes) undone on a vault of the latest format, for tests that build an
 * older vault from a new one: the columns go and the search triggers are 010's again, so opening
 * it runs 018 as an upgrade would. The caller sets `user_version`.
 */
export function undoLinkNoteEvidence(db: { exec(sql: string): unknown }): void {
  db.exec(`
    BEGIN;
    DROP TRIGGER evidence_search_insert;
    DROP TRIGGER evidence_search_update;
    ALTER TABLE evidence DROP COLUMN url;
    ALTER TABLE evidence DROP COLUMN body;
    CREATE TRIGGER evidence_search_insert AFTER INSERT ON evidence BEGIN
      INSERT INTO evidence_search (rowid, ref, title, file_name, source, notes)
      VALUES (new.seq, new.ref, new.title, new.file_name, new.source, new.notes);
    END;
    CREATE TRIGGER evidence_search_update AFTER UPDATE OF ref, title, file_name, source, notes
    ON evidence BEGIN
      DELETE FROM evidence_search WHERE rowid = old.seq;
      INSERT INTO evidence_search (rowid, ref, title, file_name, source, notes)
      VALUES (new.seq, new.ref, new.title, new.file_name, new.source, new.notes);
    END;
    COMMIT;`);
}

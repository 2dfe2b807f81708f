import type { Kysely } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. Links and notes as evidence (D1 item 1; DESIGN §4: "a file, a link, a note, or a
 * population"). A link keeps its web address in `url` (nothing is fetched: the app is offline);
 * a note keeps its Markdown text in `body`. Neither owns a file, so `blob_id` stays empty and
 * verify has no bytes to check for them. The checks keep each column to its kind and refuse a
 * link without an address or a note without text; `kind` itself was never constrained in SQL
 * and stays so (it is closed by the contract and written only by core).
 *
 * The search index keeps its columns: a link's address is indexed where a file's name is, a
 * note's text after the item's notes, so the triggers are replaced to say so. Existing rows have
 * neither column set, so their index entries stay as they are. Empty columns are left out of a
 * row's audited state: no existing row's state changes and nothing is re-recorded.
 */
export const NAME = '2026_12_08_018_link_note_evidence';

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  ctx.db.sqlite.exec(`
    ALTER TABLE evidence ADD COLUMN url TEXT
      CHECK ((kind = 'link') = (url IS NOT NULL));
    ALTER TABLE evidence ADD COLUMN body TEXT
      CHECK ((kind = 'note') = (body IS NOT NULL));

    DROP TRIGGER evidence_search_insert;
    DROP TRIGGER evidence_search_update;
    CREATE TRIGGER evidence_search_insert AFTER INSERT ON evidence BEGIN
      INSERT INTO evidence_search (rowid, ref, title, file_name, source, notes)
      VALUES (new.seq, new.ref, new.title, coalesce(new.file_name, new.url), new.source,
              CASE WHEN new.body IS NULL THEN new.notes
                   ELSE coalesce(new.notes || char(10), '') || new.body END);
    END;
    CREATE TRIGGER evidence_search_update
    AFTER UPDATE OF ref, title, file_name, source, notes, url, body ON evidence BEGIN
      DELETE FROM evidence_search WHERE rowid = old.seq;
      INSERT INTO evidence_search (rowid, ref, title, file_name, source, notes)
      VALUES (new.seq, new.ref, new.title, coalesce(new.file_name, new.url), new.source,
              CASE WHEN new.body IS NULL THEN new.notes
                   ELSE coalesce(new.notes || char(10), '') || new.body END);
    END;`);
}

import type { Kysely } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. The evidence vault (D1): evidence records that own their stored file (DESIGN §3: the
 * record's audited state carries the file's SHA-256 and size), their links to controls and to
 * the auditor's requests (links are rows), populations (a file drawn from the system that
 * triggers a control, with how it was drawn and what Attest counted in it) and the files that
 * show its completeness and accuracy, and a full-text index of the records for search.
 *
 * The dates are what the evidence is *for*: the day the control was performed, and either the
 * date it is as of or the window it covers — never the upload date, which is `created_at`. A
 * superseded record stays, pointing at the one that replaced it, so history is kept.
 *
 * The search index is a plain FTS5 table kept by triggers, keyed by the record's `seq`, not an
 * external-content one: that is keyed by the table's rowid, which a VACUUM (compact, save a copy)
 * may renumber for a table with a text primary key. It holds only text already in `evidence`; it is not
 * audited (nothing in it is a fact of its own) and is rebuilt from `evidence` if ever needed.
 * Nothing exists yet to migrate: every table starts empty.
 */
export const NAME = '2026_12_03_010_evidence';

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  ctx.db.sqlite.exec(`
    CREATE TABLE evidence (
      id TEXT PRIMARY KEY,
      -- EV-<seq>: the number users and auditors quote; also the list's default order.
      seq INTEGER NOT NULL UNIQUE,
      ref TEXT NOT NULL UNIQUE,
      -- file | population
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      performed_on TEXT,
      as_of TEXT,
      window_start TEXT,
      window_end TEXT,
      collected_on TEXT,
      source TEXT,
      collector_id TEXT REFERENCES person(id),
      reviewer_id TEXT REFERENCES person(id),
      reviewed_on TEXT,
      notes TEXT,
      blob_id INTEGER REFERENCES blob(id),
      file_name TEXT,
      file_sha256 TEXT,
      file_size INTEGER,
      superseded_by_id TEXT REFERENCES evidence(id),
      superseded_on TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (as_of IS NULL OR window_start IS NULL),
      CHECK ((window_start IS NULL) = (window_end IS NULL)),
      CHECK (window_start IS NULL OR window_start <= window_end),
      CHECK ((reviewer_id IS NULL) = (reviewed_on IS NULL)),
      CHECK (superseded_by_id IS NULL OR superseded_by_id <> id)
    );
    CREATE INDEX evidence_blob ON evidence (blob_id);
    CREATE INDEX evidence_current ON evidence (superseded_by_id, seq);
    CREATE INDEX evidence_reviewer ON evidence (reviewer_id, seq);
    CREATE INDEX evidence_kind ON evidence (kind, seq);

    CREATE TABLE evidence_control (
      evidence_id TEXT NOT NULL REFERENCES evidence(id),
      control_id TEXT NOT NULL REFERENCES control(id),
      PRIMARY KEY (evidence_id, control_id)
    ) WITHOUT ROWID;
    CREATE INDEX evidence_control_by_control_id ON evidence_control (control_id, evidence_id);

    CREATE TABLE evidence_request (
      evidence_id TEXT NOT NULL REFERENCES evidence(id),
      request_id TEXT NOT NULL REFERENCES request(id),
      PRIMARY KEY (evidence_id, request_id)
    ) WITHOUT ROWID;
    CREATE INDEX evidence_request_by_request_id ON evidence_request (request_id, evidence_id);

    CREATE TABLE population (
      evidence_id TEXT PRIMARY KEY REFERENCES evidence(id),
      -- The system that triggers the control (HR for terminations, the pipeline for deployments).
      source_system TEXT NOT NULL,
      query TEXT,
      parameters TEXT,
      ran_at TEXT,
      -- How completeness and accuracy were checked (a reconciliation, a count compared).
      completeness TEXT,
      date_column TEXT,
      window_start TEXT NOT NULL,
      window_end TEXT NOT NULL,
      -- What Attest counted when it read the file.
      row_count INTEGER NOT NULL,
      rows_outside INTEGER NOT NULL,
      rows_undated INTEGER NOT NULL,
      -- JSON: the first rows dated outside the window, [{ row, date }]
      outside_sample TEXT NOT NULL,
      read_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (window_start <= window_end)
    );

    -- The completeness and accuracy evidence of a population: its query, a reconciliation, ...
    CREATE TABLE population_support (
      population_id TEXT NOT NULL REFERENCES population(evidence_id),
      evidence_id TEXT NOT NULL REFERENCES evidence(id),
      PRIMARY KEY (population_id, evidence_id)
    ) WITHOUT ROWID;
    CREATE INDEX population_support_by_evidence_id ON population_support (evidence_id, population_id);

    CREATE VIRTUAL TABLE evidence_search USING fts5(
      ref, title, file_name, source, notes,
      tokenize = 'unicode61 remove_diacritics 2'
    );
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
    CREATE TRIGGER evidence_search_delete AFTER DELETE ON evidence BEGIN
      DELETE FROM evidence_search WHERE rowid = old.seq;
    END;`);
}

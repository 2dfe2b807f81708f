import type { Kysely } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. Management self-testing (T, issue 18): a test of one control on a sample, the sampled
 * items, the attributes checked on each, the grid of results, and the deviations found.
 *
 * - `self_test`: how the sample was drawn — from a population (its evidence item and the SHA-256
 *   of its file when drawn, so a file changed or superseded after sampling is flagged) or from
 *   the control's occurrence windows; random (a recorded seed) or systematic (a recorded start);
 *   who drew it and when; the size the table gave and why; the part of the period it covers (a
 *   re-test after remediation covers the rest of the period). A re-test is a new row pointing at
 *   the test it follows: a test is never rewritten.
 * - `self_test_item`: the sampled rows themselves (their cells as JSON) or windows, stored with
 *   the test so the selection can be shown and re-derived; `round` 0 is the draw, 1 an expansion.
 * - `self_test_attribute`: the attributes checked, copied from the control when the sample is
 *   drawn (an edit of the control later does not change an old test's grid).
 * - `self_test_cell`: pass / fail / not applicable, a note, a link to the evidence showing it.
 * - `deviation`: a failed cell becomes one (DESIGN §4). It is never deleted: a management response
 *   or a remediation does not close it, and one withdrawn because the cell was entered in error
 *   keeps its row with the reason.
 *
 * Every table is audited like the others. Nothing exists yet to migrate: every table starts empty.
 */
export const NAME = '2026_12_05_014_self_tests';

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  ctx.db.sqlite.exec(`
    CREATE TABLE self_test (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      -- ST-<seq>
      ref TEXT NOT NULL UNIQUE,
      control_id TEXT NOT NULL REFERENCES control(id),
      -- sample | test_all | walkthrough | automated
      kind TEXT NOT NULL,
      -- population | occurrences
      source TEXT NOT NULL CHECK (source IN ('population', 'occurrences')),
      population_id TEXT REFERENCES evidence(id),
      population_sha256 TEXT,
      -- Items eligible for sampling when drawn (population rows in the window, or windows).
      population_size INTEGER NOT NULL,
      completeness_missing INTEGER NOT NULL CHECK (completeness_missing IN (0, 1)),
      method TEXT NOT NULL CHECK (method IN ('random', 'systematic')),
      seed TEXT NOT NULL,
      start INTEGER,
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL,
      planned_size INTEGER NOT NULL,
      -- Why this size, and the table it came from (name and source), as shown when drawn.
      size_basis TEXT NOT NULL,
      size_table TEXT NOT NULL,
      retest_of_id TEXT REFERENCES self_test(id),
      drawn_by TEXT NOT NULL,
      drawn_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((source = 'population') = (population_id IS NOT NULL)),
      CHECK (method = 'random' OR start IS NOT NULL),
      CHECK (period_start <= period_end)
    );
    CREATE INDEX self_test_by_control ON self_test (control_id, seq);

    CREATE TABLE self_test_item (
      id TEXT PRIMARY KEY,
      test_id TEXT NOT NULL REFERENCES self_test(id),
      position INTEGER NOT NULL,
      round INTEGER NOT NULL,
      -- Index among the eligible items (file order, or window order) the selection chose.
      source_index INTEGER NOT NULL,
      -- Row number in the population file; null for a window.
      source_row INTEGER,
      label TEXT NOT NULL,
      item_date TEXT,
      -- JSON: the row's cells by header, or the window { start, end }.
      data TEXT NOT NULL,
      UNIQUE (test_id, position),
      UNIQUE (test_id, source_index)
    );

    CREATE TABLE self_test_attribute (
      id TEXT PRIMARY KEY,
      test_id TEXT NOT NULL REFERENCES self_test(id),
      position INTEGER NOT NULL,
      text TEXT NOT NULL
    );
    CREATE INDEX self_test_attribute_by_test ON self_test_attribute (test_id, position);

    CREATE TABLE self_test_cell (
      item_id TEXT NOT NULL REFERENCES self_test_item(id),
      attribute_id TEXT NOT NULL REFERENCES self_test_attribute(id),
      result TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'na')),
      note TEXT,
      evidence_id TEXT REFERENCES evidence(id),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (item_id, attribute_id)
    ) WITHOUT ROWID;
    CREATE INDEX self_test_cell_by_attribute ON self_test_cell (attribute_id, item_id);

    CREATE TABLE deviation (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      -- DEV-<seq>
      ref TEXT NOT NULL UNIQUE,
      test_id TEXT NOT NULL REFERENCES self_test(id),
      control_id TEXT NOT NULL REFERENCES control(id),
      item_id TEXT NOT NULL REFERENCES self_test_item(id),
      attribute_id TEXT NOT NULL REFERENCES self_test_attribute(id),
      -- The day the failed instance happened (the sampled item's date, or as corrected).
      occurred_on TEXT,
      extent TEXT NOT NULL CHECK (extent IN ('isolated', 'systematic')),
      compensating_control TEXT,
      root_cause TEXT,
      remediation TEXT,
      remediated_on TEXT,
      management_response TEXT,
      withdrawn_reason TEXT,
      withdrawn_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((withdrawn_reason IS NULL) = (withdrawn_at IS NULL))
    );
    CREATE INDEX deviation_by_control ON deviation (control_id, seq);
    CREATE INDEX deviation_by_cell ON deviation (item_id, attribute_id);`);
}

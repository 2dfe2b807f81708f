import type { Kysely } from 'kysely';
import * as m001 from './2026_11_26_001_vault_core';
import * as m002 from './2026_11_26_002_people';
import * as m003 from './2026_11_26_003_scope';
import * as m004 from './2026_11_26_004_gaps_risks_tasks';
import * as m005 from './2026_11_26_005_requests';
import * as m006 from './2026_11_26_006_library_baseline';
import * as m007 from './2026_12_03_007_links_and_list_order';
import * as m008 from './2026_12_03_008_blob_owners';
import * as m009 from './2026_12_03_009_risk_acceptance';
import * as m010 from './2026_12_03_010_evidence';
import * as m011 from './2026_12_03_011_policies';
import * as m012 from './2026_12_04_012_in_description';
import * as m013 from './2026_12_05_013_control_reliance';
import * as m014 from './2026_12_05_014_self_tests';
import * as m015 from './2026_12_06_015_review_snapshots';
import * as m016 from './2026_12_07_016_auditor_responses';
import * as m017 from './2026_12_07_017_blob_chunk_rowid';
import * as m018 from './2026_12_08_018_link_note_evidence';
import * as m019 from './2026_12_08_019_vendor_report_review';
import * as m020 from './2026_12_09_020_change_history';
import type { MigrationContext } from './context';

export interface Migration {
  name: string;
  up(db: Kysely<any>, ctx: MigrationContext): Promise<void>;
}

/**
 * Every migration, in order, statically imported so bundling cannot lose one. The vault's format
 * version (`PRAGMA user_version`) is the number of these applied.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: '2026_11_26_001_vault_core', up: m001.up },
  { name: '2026_11_26_002_people', up: m002.up },
  { name: '2026_11_26_003_scope', up: m003.up },
  { name: '2026_11_26_004_gaps_risks_tasks', up: m004.up },
  { name: '2026_11_26_005_requests', up: m005.up },
  { name: '2026_11_26_006_library_baseline', up: m006.up },
  { name: m007.NAME, up: m007.up },
  { name: m008.NAME, up: m008.up },
  { name: m009.NAME, up: m009.up },
  { name: m010.NAME, up: m010.up },
  { name: m011.NAME, up: m011.up },
  { name: m012.NAME, up: m012.up },
  { name: m013.NAME, up: m013.up },
  { name: m014.NAME, up: m014.up },
  { name: m015.NAME, up: m015.up },
  { name: m016.NAME, up: m016.up },
  { name: m017.NAME, up: m017.up },
  { name: m018.NAME, up: m018.up },
  { name: m019.NAME, up: m019.up },
  { name: m020.NAME, up: m020.up },
];

export const LATEST_FORMAT_VERSION = MIGRATIONS.length;

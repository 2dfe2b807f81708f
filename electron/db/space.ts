import { statfsSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type VaultDb, writesAllowed, writesFree } from './connection';

/**
 * Giving space back (DESIGN §3). New vaults use `auto_vacuum = INCREMENTAL`, so free pages —
 * left by a cancelled import, by identical bytes stored twice, by anything removed — can be
 * handed back to the file system with `PRAGMA incremental_vacuum` in short steps, without the
 * full VACUUM an older vault needs (that is what Compact is for).
 */

/** Pages given back per step: 16 MiB at 64 KiB pages, one short transaction each. */
export const RECLAIM_STEP_PAGES = 256;
/** At open and close, free pages are given back from this much up; less is left for reuse. */
export const RECLAIM_WORTH_BYTES = 4 * 1024 * 1024;

export type AutoVacuum = 'none' | 'full' | 'incremental';

export interface PageUse {
  pageSize: number;
  pageCount: number;
  freePages: number;
  autoVacuum: AutoVacuum;
}

export function pageUse(db: VaultDb): PageUse {
  const pragma = (name: string) => db.sqlite.pragma(name, { simple: true }) as number;
  const mode = pragma('auto_vacuum');
  return {
    pageSize: pragma('page_size'),
    pageCount: pragma('page_count'),
    freePages: pragma('freelist_count'),
    autoVacuum: mode === 2 ? 'incremental' : mode === 1 ? 'full' : 'none',
  };
}

/**
 * Gives free pages back in steps, yielding between them so other calls keep answering. Does
 * nothing on a vault without incremental auto-vacuum, or with less than `atLeastBytes` free.
 * Returns the bytes given back.
 */
export async function reclaimFreePages(db: VaultDb, atLeastBytes = 0): Promise<number> {
  const use = pageUse(db);
  if (use.freePages * use.pageSize < atLeastBytes) return 0;
  let reclaimed = 0;
  while (db.sqlite.open) {
    await writesFree(db);
    if (!db.sqlite.open) break;
    const step = reclaimStep(db);
    if (step === 0) break;
    reclaimed += step;
    await yieldToEventLoop();
  }
  return reclaimed;
}

/** The same, all at once: for closing, when nothing else is waiting on the vault. */
export function reclaimFreePagesNow(db: VaultDb, atLeastBytes = 0): number {
  const use = pageUse(db);
  if (use.autoVacuum !== 'incremental' || use.freePages * use.pageSize < atLeastBytes) return 0;
  let reclaimed = 0;
  for (let step = reclaimStep(db); step > 0; step = reclaimStep(db)) reclaimed += step;
  return reclaimed;
}

function reclaimStep(db: VaultDb): number {
  const use = pageUse(db);
  if (use.autoVacuum !== 'incremental' || use.freePages === 0 || !writesAllowed(db)) return 0;
  const pages = Math.min(use.freePages, RECLAIM_STEP_PAGES);
  // A pragma, not a builder: there is no portable SQL for this. Its own short transaction.
  db.sqlite.pragma(`incremental_vacuum(${pages})`);
  return (use.freePages - pageUse(db).freePages) * use.pageSize;
}

/** Free bytes on the file system holding `path` (for the user, not only for root). */
export function diskFreeBytes(path: string): number {
  const fs = statfsSync(path);
  return fs.bavail * fs.bsize;
}

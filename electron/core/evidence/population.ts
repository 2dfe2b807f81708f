import { mkdtempSync, rmSync, writeSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { EvidenceDetail, populationInput } from '../../../shared/api/evidence';
import { AttestError } from '../../../shared/api/errors';
import { PopulationColumnMissing, countPopulation } from '../../../shared/domain/population';
import { recordChange } from '../../db/audit';
import { blobChunks } from '../../db/blobs';
import { runExpect, tx, writesFree } from '../../db/connection';
import { getPopulationRow, updateEvidenceRow } from '../../db/repos/evidence';
import { replaceLinks } from '../../db/repos/links';
import type { EvidenceTable, PopulationTable } from '../../db/schema';
import type { RawCell } from '../../../shared/domain/requests-values';
import { READ_LIMITS, type ReadLimits, bytes } from '../requests/limits';
import { readSpreadsheet } from '../requests/read-file';
import type { Vault } from '../vault/session';
import { getEvidenceDetail, rangeOf, requireEvidence } from './evidence';

/**
 * Populations are read with the request list's hostile-file limits (worker thread, heap and time
 * ceilings, zip and XML limits), with room for more rows: a year of deployments or tickets runs
 * to tens of thousands, where a request list has hundreds.
 */
export const POPULATION_LIMITS: Partial<ReadLimits> = {
  fileBytes: 64 * 1024 * 1024,
  rows: 100_000,
  lastRow: 100_000,
  cells: 2_000_000,
  tableCells: 2_000_000,
  textChars: 50_000_000,
  heapMb: 256,
};

export type PopulationInput = z.output<typeof populationInput>;

/**
 * Records a stored CSV or XLSX item as a population: reads it in the parse worker (never on the
 * thread that answers calls), counts its rows and the rows dated outside the window, and saves
 * what was counted with how the population was drawn. Zero rows is valid.
 */
export async function recordPopulation(
  vault: Vault,
  input: PopulationInput,
  options: {
    signal?: AbortSignal;
    limits?: Partial<ReadLimits>;
    /**
     * The file's rows when the caller made the file from them itself (the demo): the grid the
     * reader would return, without a worker thread to parse bytes the caller just wrote. Never
     * for a user's file. The demo's tests hold it to what the reader makes of the stored file.
     */
    writtenGrid?: RawCell[][];
  } = {},
): Promise<EvidenceDetail> {
  const item = requireEvidence(vault, input.id);
  if (item.blob_id === null) {
    throw new AttestError('validation', `${item.ref} has no file to read as a population`);
  }
  const limits = { ...READ_LIMITS, ...POPULATION_LIMITS, ...options.limits };
  if ((item.file_size ?? 0) > limits.fileBytes) {
    // Refused before a byte is copied out of the vault.
    throw new AttestError(
      'validation',
      `${item.file_name ?? item.ref} is larger than ${bytes(limits.fileBytes)}; a population is a CSV or XLSX export of at most 100,000 rows.`,
    );
  }
  for (const id of input.supportIds) {
    if (id === input.id)
      throw new AttestError('validation', 'A population cannot be its own completeness evidence', [
        { path: ['supportIds'], message: 'Choose other items' },
      ]);
    requireEvidence(vault, id);
  }
  const window =
    input.window ??
    (item.window_start && item.window_end
      ? { start: item.window_start, end: item.window_end }
      : rangeOf(vault.db));
  if (!window) {
    throw new AttestError(
      'validation',
      'Give the window the population covers (the engagement has no period yet)',
      [{ path: ['window'], message: 'Give the window' }],
    );
  }
  const grid = options.writtenGrid ?? (await readStoredGrid(vault, item, limits, options.signal));
  let counted;
  try {
    counted = countPopulation(grid, input.dateColumn ?? null, window);
  } catch (e) {
    if (e instanceof PopulationColumnMissing)
      throw new AttestError('validation', e.message, [
        { path: ['dateColumn'], message: e.message },
      ]);
    throw e;
  }
  await writesFree(vault.db);
  if (options.signal?.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was saved');
  return tx(vault.db, () => {
    requireEvidence(vault, input.id);
    const now = vault.now();
    const row: PopulationTable = {
      evidence_id: input.id,
      source_system: input.sourceSystem,
      query: input.query || null,
      parameters: input.parameters || null,
      ran_at: input.ranAt ?? null,
      completeness: input.completeness || null,
      date_column: input.dateColumn ?? null,
      window_start: window.start,
      window_end: window.end,
      row_count: counted.rowCount,
      rows_outside: counted.rowsOutside,
      rows_undated: counted.rowsUndated,
      outside_sample: JSON.stringify(counted.outsideSample),
      read_at: now,
      updated_at: now,
    };
    const existed = getPopulationRow(vault.db, input.id) !== undefined;
    if (existed) {
      const { evidence_id: _id, ...rest } = row;
      runExpect(
        vault.db,
        vault.db.qb.updateTable('population').set(rest).where('evidence_id', '=', input.id),
      );
    } else runExpect(vault.db, vault.db.qb.insertInto('population').values(row));
    recordChange(vault, {
      action: existed ? 'update' : 'create',
      entity: 'population',
      entityId: input.id,
      payload: { rowCount: counted.rowCount, rowsOutside: counted.rowsOutside },
    });
    if (item.kind !== 'population') {
      updateEvidenceRow(vault.db, input.id, { kind: 'population', updated_at: now });
      recordChange(vault, {
        action: 'update',
        entity: 'evidence',
        entityId: input.id,
        payload: { kind: 'population' },
      });
    }
    replaceLinks(vault, 'population_support', input.id, input.supportIds);
    return getEvidenceDetail(vault, input.id);
  });
}

/**
 * The first sheet of a stored CSV or XLSX item as a grid, read in the parse worker from a private
 * temporary copy of its bytes (removed whatever happens). Self-testing reads populations this way
 * too, to draw its samples from the rows.
 */
export async function readStoredGrid(
  vault: Vault,
  item: EvidenceTable,
  limits: ReadLimits,
  signal?: AbortSignal,
): Promise<RawCell[][]> {
  if (item.blob_id === null) {
    throw new AttestError('validation', `${item.ref} has no file to read as a population`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'attest-population-'));
  try {
    const path = join(dir, 'population');
    const fd = openSync(path, 'w', 0o600);
    try {
      for (const chunk of blobChunks(vault.db, item.blob_id)) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    const file = await readSpreadsheet(path, item.file_name ?? item.ref, { limits, signal });
    return file.sheets[0]?.grid ?? [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The worker thread that reads a request-list file (`requests-parse` in build/worker-entries.mjs),
 * under a heap ceiling and a time limit set by `read-file.ts`: the file as a grid (`read`), or
 * also laid out and matched against the vault's criteria, controls and people (`interpret`), so
 * all the work that grows with the file happens here.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { serveWorker } from '../../platform/workers';
import {
  type ReadOptions,
  type RequestListReading,
  interpretSpreadsheet,
  listReading,
} from './interpret';
import type { ReadLimits } from './limits';
import { type LookupData, lookupsFrom } from './lookups';
import { type SpreadsheetFile, readSpreadsheetInThread } from './read-in-thread';
import { loadExcelJs } from './read-xlsx';

interface Common {
  path: string;
  fileName: string;
  limits: ReadLimits;
}
export type ParseInput =
  | (Common & { mode: 'read' })
  | (Common & { mode: 'interpret'; options: ReadOptions; lookups: LookupData });

/** A request list as read and interpreted, with what the import records about the file. */
export interface InterpretedFile {
  reading: RequestListReading;
  sha256: string;
  warnings: string[];
}

/** Whether a regular file starts like a zip (an XLSX); false for anything else. */
function startsLikeZip(path: string): boolean {
  try {
    // Never open a FIFO or a device: opening one can block (the reader refuses them later).
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(4);
      return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

// Loading exceljs is start-up, not reading: it happens before the time limit starts to count.
if (startsLikeZip((workerData as { input: ParseInput }).input.path)) await loadExcelJs();

/** `interpret` answers an InterpretedFile as JSON text. */
serveWorker(async (input: ParseInput): Promise<SpreadsheetFile | string> => {
  const file = await readSpreadsheetInThread(input.path, input.fileName, input.limits);
  if (input.mode === 'read') return file;
  const reading = interpretSpreadsheet(
    file,
    input.fileName,
    input.options,
    lookupsFrom(input.lookups),
    input.limits,
  );
  const interpreted: InterpretedFile = {
    reading: listReading(reading),
    sha256: file.sha256,
    warnings: file.warnings,
  };
  return JSON.stringify(interpreted);
});

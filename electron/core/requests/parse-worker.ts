/**
 * The worker thread that reads a request-list file (`requests-parse` in build/worker-entries.mjs),
 * under a heap ceiling and a time limit set by `readSpreadsheet`.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { serveWorker } from '../../platform/workers';
import type { ReadLimits } from './limits';
import { readSpreadsheetInThread } from './read-in-thread';
import { loadExcelJs } from './read-xlsx';

export interface ParseInput {
  path: string;
  fileName: string;
  limits: ReadLimits;
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

serveWorker(({ path, fileName, limits }: ParseInput) =>
  readSpreadsheetInThread(path, fileName, limits),
);

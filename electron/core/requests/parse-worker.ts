/**
 * The worker thread that reads a request-list file (`requests-parse` in build/worker-entries.mjs),
 * under a heap ceiling and a time limit set by `readSpreadsheet`.
 */
import { serveWorker } from '../../platform/workers';
import type { ReadLimits } from './limits';
import { readSpreadsheetInThread } from './read-in-thread';

export interface ParseInput {
  path: string;
  fileName: string;
  limits: ReadLimits;
}

serveWorker(({ path, fileName, limits }: ParseInput) =>
  readSpreadsheetInThread(path, fileName, limits),
);

/**
 * Reads a request-list file on a worker thread, so the process keeps answering other calls while
 * it does, with a heap ceiling and a time limit on top of the limits checked while reading: a file
 * that gets past those is still stopped, and refused with a message saying which limit it hit.
 */
import { AttestError } from '../../../shared/api/errors';
import { WorkerLimitError, runWorker } from '../../platform/workers';
import { READ_LIMITS, type ReadLimits, count } from './limits';
import type { ParseInput } from './parse-worker';
import type { SpreadsheetFile } from './read-in-thread';

export type { SpreadsheetFile } from './read-in-thread';

export interface ReadOptions {
  /** Tighter limits (tests). */
  limits?: Partial<ReadLimits>;
  signal?: AbortSignal | undefined;
}

export async function readSpreadsheet(
  path: string,
  fileName: string,
  options: ReadOptions = {},
): Promise<SpreadsheetFile> {
  const limits = { ...READ_LIMITS, ...options.limits };
  try {
    return await runWorker<SpreadsheetFile>(
      'requests-parse',
      { path, fileName, limits } satisfies ParseInput,
      {
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
        timeoutMs: limits.parseMs,
        signal: options.signal,
      },
    );
  } catch (e) {
    if (!(e instanceof WorkerLimitError)) throw e;
    const message =
      e.limit === 'time'
        ? `${fileName} took longer than ${count(limits.parseMs / 1000)} seconds to read and was ` +
          `stopped; a request list reads in well under a second. Save it again from your ` +
          `spreadsheet app, or as .csv.`
        : `${fileName} needed more than the ${count(limits.heapMb)} MB of memory allowed for ` +
          `reading a request list and was stopped. Save it again from your spreadsheet app, or ` +
          `as .csv.`;
    throw new AttestError('validation', message);
  }
}

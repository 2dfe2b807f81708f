/**
 * Reads a request-list file on a worker thread, so the process keeps answering other calls while
 * it does, with a heap ceiling and a time limit on top of the limits checked while reading: a file
 * that gets past those is still stopped, and refused with a message saying which limit it hit.
 */
import { AttestError } from '../../../shared/api/errors';
import { WorkerLimitError, runWorker } from '../../platform/workers';
import type { ReadOptions as InterpretOptions } from './interpret';
import { READ_LIMITS, type ReadLimits, count } from './limits';
import type { LookupData } from './lookups';
import type { InterpretedFile, ParseInput } from './parse-worker';
import type { SpreadsheetFile } from './read-in-thread';

export type { InterpretedFile } from './parse-worker';
export type { SpreadsheetFile } from './read-in-thread';

export interface ReadOptions {
  /** Tighter limits (tests). */
  limits?: Partial<ReadLimits>;
  signal?: AbortSignal | undefined;
}

/** The file as a grid of cells per sheet. */
export function readSpreadsheet(
  path: string,
  fileName: string,
  options: ReadOptions = {},
): Promise<SpreadsheetFile> {
  const limits = { ...READ_LIMITS, ...options.limits };
  return parse({ mode: 'read', path, fileName, limits }, options.signal);
}

/** The file read, laid out and matched against `lookups`: the requests it holds. */
export async function readRequestList(
  path: string,
  fileName: string,
  interpret: InterpretOptions,
  lookups: LookupData,
  options: ReadOptions = {},
): Promise<InterpretedFile> {
  const limits = { ...READ_LIMITS, ...options.limits };
  const json = await parse<string>(
    { mode: 'interpret', path, fileName, limits, options: interpret, lookups },
    options.signal,
  );
  return JSON.parse(json) as InterpretedFile;
}

async function parse<T>(input: ParseInput, signal: AbortSignal | undefined): Promise<T> {
  const { fileName, limits } = input;
  try {
    return await runWorker<T>('requests-parse', input, {
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      timeoutMs: limits.parseMs,
      signal,
    });
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

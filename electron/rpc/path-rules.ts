import { dirname, isAbsolute, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { AttestError } from '../../shared/api/errors';
import type { MethodName } from '../../shared/api/index';
import { heldBy } from '../db/open-registry';
import type { Caller } from './callers';

type PathUse = 'source' | 'sources' | 'vault' | 'output' | 'since';

/**
 * Every method that takes a path, with what the path is for (docs/decisions.md lists them).
 * `source`: `input.source.path`, a file to read into the vault. `vault`: `input.file`, a vault to
 * open, create or copy to — an absolute path or a bare name inside ATTEST_HOME. `output`:
 * `input.saveTo.path`, where a generated file is written (a browser gets a download instead).
 * `since`: `input.since.path`, the earlier package a delta export reads (a file, like a source).
 */
export const PATH_INPUTS: Partial<Record<MethodName, PathUse | readonly PathUse[]>> = {
  'evidence.add': 'sources',
  'requests.previewImport': 'source',
  'requests.import': 'source',
  'requests.previewResponse': 'source',
  'requests.importResponse': 'source',
  'sd.attachSubserviceReport': 'source',
  'policies.previewAckImport': 'source',
  'policies.importAcks': 'source',
  'package.verify': 'source',
  'auditor.openPackage': 'source',
  'vault.create': 'vault',
  'vault.createDemo': 'vault',
  'vault.open': 'vault',
  'vault.verifyFile': 'vault',
  'vault.saveCopy': 'vault',
  'vault.rollForward': 'vault',
  'tasks.export': 'output',
  'requests.export': 'output',
  'sd.export': 'output',
  'policies.export': 'output',
  'package.export': ['output', 'since'],
};

const refuse = (field: string[], message: string) =>
  new AttestError('validation', message, [{ path: field, message }]);

/** Throws unless the caller may use the path the input names. Runs before any handler. */
export function checkPathRules(
  method: MethodName,
  input: unknown,
  caller: Caller,
  home: string,
): void {
  const uses = PATH_INPUTS[method];
  if (!uses) return;
  for (const use of typeof uses === 'string' ? [uses] : uses) checkUse(use, input, caller, home);
}

function checkUse(use: PathUse, input: unknown, caller: Caller, home: string): void {
  if (use === 'since') {
    const since = (input as { since?: { path?: string } }).since;
    if (since?.path === undefined) return; // an upload id, or a full package
    checkSourcePath(since.path, ['since', 'path'], caller, { folders: false });
    return;
  }
  if (use === 'sources') {
    const sources = (input as { sources?: { path?: string }[] }).sources ?? [];
    sources.forEach((source, i) => {
      if (source.path === undefined) return; // an upload id
      checkSourcePath(source.path, ['sources', String(i), 'path'], caller, { folders: true });
    });
    return;
  }
  if (use === 'source') {
    const source = (input as { source?: { path?: string } }).source;
    if (source?.path === undefined) return; // an upload id
    checkSourcePath(source.path, ['source', 'path'], caller, { folders: false });
    return;
  }
  if (use === 'output') {
    const path = (input as { saveTo?: { path: string } }).saveTo?.path;
    if (path === undefined) return;
    if (caller.transport === 'http') {
      throw refuse(
        ['saveTo', 'path'],
        'In a browser, generated files are downloaded; a path on this computer is not accepted.',
      );
    }
    if (caller.transport === 'ipc' && !caller.isGranted?.(path)) {
      throw refuse(['saveTo', 'path'], 'Choose where to save the file with the Save dialog.');
    }
    if (heldBy(path)) {
      throw refuse(['saveTo', 'path'], 'That is an open vault; choose another file name.');
    }
    return;
  }
  const file = (input as { file?: string }).file;
  if (file === undefined || !isAbsolute(file)) return; // a bare name stays inside ATTEST_HOME
  // The recent list names vaults by full path; inside ATTEST_HOME that is still a browser's own.
  if (caller.transport === 'http' && dirname(resolve(file)) !== resolve(home)) {
    throw refuse(
      ['file'],
      'In a browser, vaults are kept in Attest’s own folder: give a file name without folders.',
    );
  }
  if (caller.transport === 'ipc' && !caller.isGranted?.(file)) {
    throw refuse(['file'], 'Choose the vault with the Open or Save dialog.');
  }
}

/**
 * A file (or, where `folders`, a folder of files) to read into the vault: never a path from a
 * browser, only a granted one from the desktop window, any from the CLI.
 */
function checkSourcePath(
  path: string,
  field: string[],
  caller: Caller,
  options: { folders: boolean },
): void {
  if (caller.transport === 'http') {
    throw refuse(
      field,
      'In a browser, files are added by uploading them; a path on this computer is not accepted.',
    );
  }
  if (caller.transport === 'ipc' && !caller.isGranted?.(path)) {
    throw refuse(field, 'Attest only reads files you chose or dropped on the window.');
  }
  if (options.folders && statSync(path, { throwIfNoEntry: false })?.isDirectory()) return;
  requireRegularFile(path, field);
}

/** Only regular files are ever read: a FIFO would block, a device never ends, a folder fails. */
export function requireRegularFile(path: string, field: string[] = ['path']): void {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new AttestError('not_found', `No file at ${path}`);
  if (!st.isFile()) {
    const what = st.isDirectory()
      ? 'a folder'
      : st.isFIFO()
        ? 'a named pipe'
        : st.isCharacterDevice() || st.isBlockDevice()
          ? 'a device'
          : st.isSocket()
            ? 'a socket'
            : 'not a regular file';
    throw refuse(field, `${path} is ${what}, not a file Attest can read.`);
  }
}

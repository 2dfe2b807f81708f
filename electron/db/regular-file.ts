import { type Stats, closeSync, constants, fstatSync, openSync } from 'node:fs';

/**
 * Opens a file for reading only if it is a regular file (a symbolic link to one is fine).
 *
 * O_NONBLOCK matters: opening a named pipe for reading otherwise waits for a writer, and a
 * synchronous open would hang the whole process (the server, the CLI). On a regular file the
 * flag changes nothing. The type is checked on the opened descriptor, so a file swapped for a
 * pipe or a folder between a check and the open cannot slip through.
 *
 * `refuse` builds the error for something that is not a regular file (it gets "is a folder",
 * "is a named pipe (FIFO)", …); `onOpenError` maps an error of the open itself.
 */
export function openRegularFile(
  path: string,
  refuse: (what: string) => Error,
  onOpenError: (code: string | undefined) => Error,
): { fd: number; stats: Stats } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Some systems refuse to open a folder at all; say the same as when they allow it.
    if (code === 'EISDIR') throw refuse('is a folder');
    throw onOpenError(code);
  }
  try {
    const stats = fstatSync(fd);
    const what = describeNonRegular(stats);
    if (what) throw refuse(what);
    return { fd, stats };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** "is a folder", "is a named pipe (FIFO)", … or null for a regular file. */
export function describeNonRegular(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'is a folder';
  if (stats.isFIFO()) return 'is a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device';
  if (stats.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

import { fdatasync, type WriteStream } from 'node:fs';

/** How much is written between two background flushes. */
const FLUSH_EVERY = 64 * 1024 * 1024;

/**
 * Starts flushing a file being written to disk in the background, every `FLUSH_EVERY` bytes,
 * so the disk writes while the export reads and hashes: Linux keeps up to ~10 % of memory dirty
 * before writing back on its own, so without this the whole package waited for the final fsync
 * (~12 % of an export's time, measured). One flush at a time; their errors are ignored because
 * the final fsync, which the caller still makes, is the one that counts.
 */
export function flushBehind(file: WriteStream): (bytesWritten: number) => void {
  let flushedAt = 0;
  let flushing = false;
  let fd: number | null = null;
  file.once('open', (opened: number) => (fd = opened));
  file.once('close', () => (fd = null));
  return (bytesWritten) => {
    if (flushing || fd === null || bytesWritten - flushedAt < FLUSH_EVERY) return;
    flushing = true;
    flushedAt = bytesWritten;
    fdatasync(fd, () => {
      flushing = false;
    });
  };
}

import { formatBytes } from './format';
import type { CliIo } from './io';

export interface ProgressState {
  filesDone?: number;
  filesTotal?: number;
  bytesDone?: number;
  bytesTotal?: number;
  bytesPerSecond?: number;
  etaSeconds?: number;
  /** What the job is doing now, in words (building a demo). */
  step?: string;
}

/** A one-line progress display on a terminal; silent when stderr is not a TTY. */
export function progressReporter(io: CliIo, label: string) {
  let last = 0;
  let shown = false;
  return {
    update(p: ProgressState) {
      if (!io.isTty) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      io.err(`\r\x1b[2K${label} ${describe(p)}`);
    },
    done() {
      if (shown) io.err('\r\x1b[2K');
    },
  };
}

function describe(p: ProgressState): string {
  const parts: string[] = [];
  if (p.step) parts.push(`${p.step}…`);
  if (p.bytesTotal) {
    const pct = Math.floor(((p.bytesDone ?? 0) / p.bytesTotal) * 100);
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}%`);
    parts.push(`${formatBytes(p.bytesDone ?? 0)} of ${formatBytes(p.bytesTotal)}`);
  }
  if (p.filesTotal) parts.push(`${p.filesDone ?? 0}/${p.filesTotal} files`);
  if (p.bytesPerSecond) parts.push(`${formatBytes(p.bytesPerSecond)}/s`);
  if (p.etaSeconds !== undefined) parts.push(`${Math.ceil(p.etaSeconds)} s left`);
  return parts.join(' · ');
}

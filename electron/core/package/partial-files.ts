import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The file a package is written to before it takes its name: `<destination>.partial-<pid>-<hex>`,
 * beside the destination (same disk, so the final rename is atomic). The writer's process id is
 * in the name so that what a killed export left behind can be told from one still being written.
 */
export function partialPathFor(destination: string): string {
  return `${destination}.partial-${process.pid}-${randomBytes(6).toString('hex')}`;
}

const PARTIAL = /\.partial-(\d+)-[0-9a-f]{12}$/;

/** Whether a process with this id is running (on this machine, as far as we may ask). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the partial files an interrupted export to this destination left (its writer is gone:
 * killed, crashed, power lost), so a package of several gigabytes does not stay behind unseen.
 * A partial file whose writer still runs is left alone. Answers the names removed; best effort.
 */
export function sweepPartialFiles(destination: string): string[] {
  const folder = dirname(destination);
  const prefix = `${basename(destination)}.partial-`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(PARTIAL.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || running(pid)) continue;
    try {
      rmSync(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // Not ours to remove after all (permissions): leave it.
    }
  }
  return removed;
}

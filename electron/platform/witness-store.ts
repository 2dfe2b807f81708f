import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { type ChainHead, WITNESS_EVENTS, type WitnessEvent } from '../../shared/api/witness';

/** One head written to the witness: an append-only line of JSON. */
export interface WitnessLine extends ChainHead {
  at: string;
  event: WitnessEvent;
  /** The vault file the head was seen in. */
  file: string;
  /** The recorded head this one grew from (checked when it was written), or null. */
  base: ChainHead | null;
  /** `restore`: the head of the vault that the backup replaced. */
  replaced?: ChainHead;
}

const FINGERPRINT = /^[0-9a-f]{64}$/;
const HASH = /^[0-9a-f]{64}$/;

/**
 * The witness: for each vault (by its key's fingerprint), the history of its audit chain's head
 * as this computer saw it, one line per head, in `<dir>/<fingerprint>.jsonl`, only ever appended
 * to. It lives outside the vault, so a vault whose chain was recomputed from scratch no longer
 * extends what was written here.
 */
export class WitnessStore {
  constructor(readonly dir: string) {}

  fileFor(fingerprint: string): string {
    if (!FINGERPRINT.test(fingerprint)) throw new Error(`Not a key fingerprint: ${fingerprint}`);
    return join(this.dir, `${fingerprint}.jsonl`);
  }

  /** Every line, oldest first; a line that cannot be read (cut short by a crash) is skipped. */
  read(fingerprint: string): WitnessLine[] {
    let text: string;
    try {
      text = readFileSync(this.fileFor(fingerprint), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const lines: WitnessLine[] = [];
    for (const raw of text.split('\n')) {
      const line = parseLine(raw);
      if (line) lines.push(line);
    }
    return lines;
  }

  /**
   * Appends one line and flushes it to the disk. A line cut short by a crash is ended first, so
   * it never swallows the line written after it.
   */
  append(fingerprint: string, line: WitnessLine): void {
    mkdirSync(this.dir, { recursive: true });
    const fd = openSync(this.fileFor(fingerprint), 'a+');
    try {
      const size = fstatSync(fd).size;
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      writeSync(fd, prefix + JSON.stringify(line) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

function parseLine(raw: string): WitnessLine | null {
  if (!raw.trim()) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const head = asHead(o);
  const base = o.base === null ? null : asHead(o.base);
  if (!head || typeof o.at !== 'string' || typeof o.file !== 'string') return null;
  if (!(WITNESS_EVENTS as readonly unknown[]).includes(o.event)) return null;
  if (o.base !== null && !base) return null;
  const line: WitnessLine = {
    at: o.at,
    ...head,
    event: o.event as WitnessEvent,
    file: o.file,
    base,
  };
  const replaced = asHead(o.replaced);
  if (replaced) line.replaced = replaced;
  return line;
}

function asHead(v: unknown): ChainHead | null {
  if (!v || typeof v !== 'object') return null;
  const { seq, hash } = v as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) return null;
  if (typeof hash !== 'string' || !HASH.test(hash)) return null;
  return { seq, hash };
}

import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program, plain JavaScript run with `eval` so it needs no bundled file. It
 * reads the file being written, up to what the writer says is written, and hashes it — the whole
 * file, and each byte range it was told of (a stored entry's data) on its own; told the end, it
 * answers the file's digest. A range must be told before the writer says its bytes are written.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const fd = openSync(workerData.path, 'r');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
const ranges = [];
let read = 0;
let end = null;
function finishRanges() {
  while (ranges.length > 0 && ranges[0].end <= read) {
    const r = ranges.shift();
    parentPort.postMessage({ range: r.id, digest: r.hash.digest('hex') });
  }
}
parentPort.on('message', (m) => {
  if (m.range) {
    const { id, start, size } = m.range;
    if (start < read) throw new Error('A range was told after its bytes were read');
    ranges.push({ id, start, end: start + size, hash: createHash('sha256') });
    return;
  }
  const upTo = m.end ?? m.written;
  if (m.end !== undefined) end = m.end;
  while (read < upTo) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, upTo - read), read);
    if (n === 0) throw new Error('The file is shorter than what was written to it');
    const chunk = buffer.subarray(0, n);
    hash.update(chunk);
    for (const r of ranges) {
      if (r.start >= read + n) break;
      const from = Math.max(r.start, read) - read;
      const to = Math.min(r.end, read + n) - read;
      if (to > from) r.hash.update(chunk.subarray(from, to));
    }
    read += n;
    finishRanges();
  }
  finishRanges();
  if (end !== null && read === end) {
    closeSync(fd);
    parentPort.postMessage({ digest: hash.digest('hex') });
  }
});
`;

export interface HashBehind {
  /** `bytes` of the file are written: the worker may hash up to there. */
  written(bytes: number): void;
  /** As `written`, at once: a caller is waiting for a range that ends there. */
  caughtUp(bytes: number): void;
  /**
   * The SHA-256 of `size` bytes at `start`, hex, once the worker has read them. Must be called
   * before `written` reaches `start`.
   */
  range(start: number, size: number): Promise<string>;
  /** The file is complete at `size` bytes: its SHA-256, hex. The worker then exits. */
  digest(size: number): Promise<string>;
  /** Stops the worker without a digest (a failed or cancelled export). */
  stop(): void;
}

/**
 * SHA-256 of a file while it is being written, computed on another thread from the file itself
 * (the page cache) as it grows — and of byte ranges inside it (each stored entry's data, so the
 * writer's thread no longer hashes the evidence it streams). The package's own hash cost as much
 * as hashing every file for the manifest, on the thread that also reads the vault; sending the
 * bytes to a worker cost as much again in copies and messages (measured), where a read from the
 * page cache is one kernel copy. The digests are of the bytes actually in the file.
 */
export function hashBehind(path: string): HashBehind {
  const worker = new Worker(SOURCE, { eval: true, workerData: { path } });
  // Waiting for more of the file must not keep the process alive; waiting for a digest does.
  worker.unref();
  let failure: Error | null = null;
  let settle: { resolve: (d: string) => void; reject: (e: Error) => void } | null = null;
  const ranges = new Map<number, { resolve: (d: string) => void; reject: (e: Error) => void }>();
  let nextRange = 0;
  const waiting = () => {
    if (settle || ranges.size > 0) worker.ref();
    else worker.unref();
  };
  worker.on('message', (m: { digest: string; range?: number }) => {
    if (m.range !== undefined) {
      ranges.get(m.range)?.resolve(m.digest);
      ranges.delete(m.range);
      waiting();
      return;
    }
    settle?.resolve(m.digest);
    void worker.terminate();
  });
  worker.on('error', (e) => {
    failure = e;
    settle?.reject(e);
    for (const r of ranges.values()) r.reject(e);
    ranges.clear();
  });
  let sent = 0;
  return {
    written(bytes) {
      // Messages are cheap but not free: one per 4 MiB at most.
      if (failure || bytes - sent < 4 * 1024 * 1024) return;
      sent = bytes;
      worker.postMessage({ written: bytes });
    },
    caughtUp(bytes) {
      if (failure || bytes <= sent) return;
      sent = bytes;
      worker.postMessage({ written: bytes });
    },
    range(start, size) {
      return new Promise<string>((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextRange++;
        ranges.set(id, { resolve, reject });
        waiting();
        worker.postMessage({ range: { id, start, size } });
      });
    },
    digest(size) {
      return new Promise<string>((resolve, reject) => {
        if (failure) return reject(failure);
        settle = { resolve, reject };
        worker.ref();
        worker.postMessage({ end: size });
      });
    },
    stop() {
      void worker.terminate();
    },
  };
}

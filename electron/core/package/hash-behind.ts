import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program, plain JavaScript run with `eval` so it needs no bundled file. It
 * reads the file being written, up to what the writer says is written, and hashes it; told the
 * end, it answers the digest.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const fd = openSync(workerData.path, 'r');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
let read = 0;
let end = null;
parentPort.on('message', (m) => {
  const upTo = m.end ?? m.written;
  if (m.end !== undefined) end = m.end;
  while (read < upTo) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, upTo - read), read);
    if (n === 0) throw new Error('The file is shorter than what was written to it');
    hash.update(buffer.subarray(0, n));
    read += n;
  }
  if (end !== null && read === end) {
    closeSync(fd);
    parentPort.postMessage({ digest: hash.digest('hex') });
  }
});
`;

export interface HashBehind {
  /** `bytes` of the file are written: the worker may hash up to there. */
  written(bytes: number): void;
  /** The file is complete at `size` bytes: its SHA-256, hex. The worker then exits. */
  digest(size: number): Promise<string>;
  /** Stops the worker without a digest (a failed or cancelled export). */
  stop(): void;
}

/**
 * SHA-256 of a file while it is being written, computed on another thread from the file itself
 * (the page cache) as it grows. The package's own hash cost as much as hashing every file for the
 * manifest, on the thread that also reads the vault; sending the bytes to a worker cost as much
 * again in copies and messages (measured), where a read from the page cache is one kernel copy.
 * The digest is of the bytes actually in the file.
 */
export function hashBehind(path: string): HashBehind {
  const worker = new Worker(SOURCE, { eval: true, workerData: { path } });
  // Waiting for more of the file must not keep the process alive; waiting for the digest does.
  worker.unref();
  let failure: Error | null = null;
  let settle: { resolve: (d: string) => void; reject: (e: Error) => void } | null = null;
  worker.on('message', (m: { digest: string }) => {
    settle?.resolve(m.digest);
    void worker.terminate();
  });
  worker.on('error', (e) => {
    failure = e;
    settle?.reject(e);
  });
  let sent = 0;
  return {
    written(bytes) {
      // Messages are cheap but not free: one per 4 MiB at most.
      if (failure || bytes - sent < 4 * 1024 * 1024) return;
      sent = bytes;
      worker.postMessage({ written: bytes });
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

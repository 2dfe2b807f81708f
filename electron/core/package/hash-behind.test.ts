import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashBehind } from './hash-behind';

describe('hashBehind', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('hashes a file as it grows, and answers the hash of what the file holds at the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attest-hash-behind-'));
    dirs.push(dir);
    const path = join(dir, 'growing.zip');
    writeFileSync(path, '');
    const hash = hashBehind(path);
    const whole = createHash('sha256');
    let size = 0;
    // Pieces of uneven sizes, some under the 4 MiB the writer reports at, some over it.
    for (const n of [1, 3 * 1024 * 1024, 5 * 1024 * 1024 + 7, 10, 9 * 1024 * 1024]) {
      const piece = randomBytes(n);
      appendFileSync(path, piece);
      whole.update(piece);
      size += n;
      hash.written(size);
    }
    expect(await hash.digest(size)).toBe(whole.digest('hex'));
  });

  it('fails, rather than answering a hash, when the file is shorter than its stated size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attest-hash-behind-'));
    dirs.push(dir);
    const path = join(dir, 'short.zip');
    writeFileSync(path, randomBytes(100));
    await expect(hashBehind(path).digest(200)).rejects.toThrow(/shorter/);
  });
});

describe('hashBehind ranges', () => {
  it('answers the hash of each byte range told before its bytes were written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attest-hash-behind-'));
    const path = join(dir, 'ranges.zip');
    try {
      writeFileSync(path, '');
      const hash = hashBehind(path);
      let size = 0;
      const expected: string[] = [];
      const answered: Promise<string>[] = [];
      // A header, then a range, as a zip writer lays them out; one range empty, one over 4 MiB.
      for (const n of [7 * 1024 * 1024 + 3, 0, 12, 2 * 1024 * 1024]) {
        const header = randomBytes(46);
        appendFileSync(path, header);
        size += header.length;
        hash.written(size);
        answered.push(hash.range(size, n));
        const data = randomBytes(n);
        appendFileSync(path, data);
        expected.push(createHash('sha256').update(data).digest('hex'));
        size += n;
        hash.written(size);
      }
      hash.caughtUp(size);
      expect(await Promise.all(answered)).toEqual(expected);
      await hash.digest(size);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleFiles, writeTestPackage } from '../../testing/package-fixture';
import { type RawEntry, rawZip } from '../../testing/raw-zip';
import { tempDir } from '../../testing/tmp';
import { verifyPackage } from './verify-package';
import { DEFAULT_ZIP_LIMITS } from './zip-rules';

const MiB = 1024 * 1024;
const file = (name: string | Buffer, data = 'x'): RawEntry => ({ name, data: Buffer.from(data) });

/**
 * The malicious-zip corpus (DESIGN §6, §9): each archive is refused with a problem naming the
 * entry and why, and checking it writes nothing — not beside it, not where `..` points.
 */
async function refuse(entries: RawEntry[], limits = DEFAULT_ZIP_LIMITS) {
  const root = tempDir();
  const inner = join(root, 'a', 'b');
  mkdirSync(inner, { recursive: true });
  const path = join(inner, 'evil.zip');
  writeFileSync(path, rawZip(entries));
  const report = await verifyPackage(path, { limits });
  expect(report.verified).toBe(false);
  expect(report.complete).toBe(false);
  expect(report.filesChecked).toBe(0);
  // A package without its manifest also gets "missing" problems; the hostile ones are named.
  const hostile = report.problems.filter((p) => p.kind === 'hostile_entry');
  expect(hostile.length).toBeGreaterThan(0);
  expect(readdirSync(root)).toEqual(['a']);
  expect(readdirSync(join(root, 'a'))).toEqual(['b']);
  expect(readdirSync(inner)).toEqual(['evil.zip']);
  return hostile.map((p) => p.message);
}

describe('a hostile package is refused, naming each entry and why', () => {
  it('../ entries', async () => {
    expect(await refuse([file('../escaped.txt'), file('a/../../b.txt')])).toEqual([
      'Hostile entry "../escaped.txt": it climbs out of the folder with "..".',
      'Hostile entry "a/../../b.txt": it climbs out of the folder with "..".',
    ]);
  });

  it('absolute paths, drive letters and backslashes', async () => {
    expect(await refuse([file('/etc/passwd'), file('C:/x.txt'), file('..\\win.txt')])).toEqual([
      'Hostile entry "/etc/passwd": it is an absolute path.',
      'Hostile entry "C:/x.txt": it starts with a drive letter.',
      `Hostile entry ${JSON.stringify('..\\win.txt')}: its name contains a backslash (a folder separator on Windows).`,
    ]);
  });

  it('symbolic links', async () => {
    const messages = await refuse([
      { name: 'link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 },
    ]);
    expect(messages).toEqual(['Hostile entry "link": it is a symbolic link.']);
  });

  it('duplicate and case-colliding names', async () => {
    expect(
      await refuse([
        file('SHA256SUMS'),
        file('SHA256SUMS'),
        file('Report.pdf'),
        file('report.PDF'),
      ]),
    ).toEqual([
      'Hostile entry "SHA256SUMS": the same name appears twice.',
      'Hostile entry "report.PDF": its name differs from "Report.pdf" only in letter case, so one would overwrite the other on Windows and macOS.',
    ]);
  });

  it('a deflate bomb', async () => {
    const zeros = Buffer.alloc(64 * MiB);
    const [message] = await refuse([{ name: 'bomb.csv', data: zeros, method: 8 }]);
    expect(message).toMatch(
      /^Hostile entry "bomb.csv": it is a compression bomb: \d+ bytes inflate to 67108864 \(\d+:1, more than 200:1\)\.$/,
    );
  });

  it('sizes that lie: a stored entry, and a deflated one that inflates past what it declares', async () => {
    expect(
      await refuse([{ name: 'stored.bin', data: Buffer.alloc(100), uncompressedSize: 10 }]),
    ).toEqual([
      'Hostile entry "stored.bin": its sizes lie: stored without compression, yet 100 bytes are said to hold 10.',
    ]);
    // Declares 1 KiB and inflates to 1 MiB: caught while reading, cut at the first byte past it.
    const messages = await refuse([
      { name: 'liar.csv', data: Buffer.alloc(MiB, 'a'), method: 8, uncompressedSize: 1024 },
    ]);
    expect(messages).toEqual([
      'Hostile entry "liar.csv": its sizes lie: it inflates past the 1024 bytes it declares.',
    ]);
  });

  it('a local header that names another file than the directory', async () => {
    expect(
      await refuse([{ name: 'manifest.json', data: Buffer.from('{}'), localName: '../x' }]),
    ).toEqual(['Hostile entry "manifest.json": its local header names another file ("../x").']);
  });

  it('overlapping entries (one stretch of bytes read as two files)', async () => {
    const messages = await refuse([
      file('a.txt', 'aaaa'),
      { ...file('b.txt', 'aaaa'), offsetOf: 0 },
    ]);
    expect(messages[0]).toContain('overlap');
  });

  it('too many entries, or too much in total', async () => {
    const few = { ...DEFAULT_ZIP_LIMITS, maxEntries: 2 };
    expect(await refuse([file('a'), file('b'), file('c')], few)).toEqual([
      'The package has 3 entries, more than the limit of 2: it is refused.',
    ]);
    const small = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 10 };
    expect(await refuse([file('a', '123456'), file('b', '123456')], small)).toEqual([
      'The package would unpack to 12 bytes, more than the limit of 10: it is refused.',
    ]);
  });

  it('names that are not text, or carry control characters', async () => {
    const messages = await refuse([
      { name: Buffer.from([0x61, 0xff, 0x62]), data: Buffer.from('x'), flags: 0x800 },
      file('a\u0000b'),
    ]);
    expect(messages).toEqual([
      'Hostile entry "a\u00ffb": its name is not valid text in the encoding it declares.',
      'Hostile entry "a\\u0000b": its name contains control characters.',
    ]);
  });
});

describe('a file that is not a zip at all', () => {
  it('random bytes and a truncated archive are "not a zip" (not_a_package)', async () => {
    const dir = tempDir();
    const random = join(dir, 'random.zip');
    writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    await expect(verifyPackage(random)).rejects.toMatchObject({
      code: 'not_a_package',
      message: expect.stringContaining('cannot be read as a zip archive'),
    });
    const pkg = await writeTestPackage(join(dir, 'whole.zip'), sampleFiles());
    const bytes = readFileSync(pkg.path);
    const truncated = join(dir, 'truncated.zip');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(verifyPackage(truncated)).rejects.toMatchObject({ code: 'not_a_package' });
    // The directory survives but its end record lies about where it starts.
    const cut = join(dir, 'cut-directory.zip');
    writeFileSync(cut, Buffer.concat([bytes.subarray(0, 100), bytes.subarray(bytes.length - 22)]));
    await expect(verifyPackage(cut)).rejects.toMatchObject({ code: 'not_a_package' });
    expect(readdirSync(dir).sort()).toEqual([
      'cut-directory.zip',
      'random.zip',
      'truncated.zip',
      'whole.zip',
    ]);
  });
});

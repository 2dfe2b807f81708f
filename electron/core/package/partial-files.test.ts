import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { partialPathFor, sweepPartialFiles } from './partial-files';

describe('partial package files beside a destination', () => {
  it('removes what a killed export left, keeps one still being written and anything else', () => {
    const dir = tempDir();
    const destination = join(dir, 'package.zip');
    // A process that has ended: its partial file is what a killed export leaves.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const left = `package.zip.partial-${gone}-0123456789ab`;
    const writing = partialPathFor(destination); // this process, still running
    const unrelated = ['other.zip.partial-1-0123456789ab', 'package.zip.partial-notes.txt'];
    for (const name of [left, ...unrelated]) writeFileSync(join(dir, name), 'x');
    writeFileSync(writing, 'x');

    expect(sweepPartialFiles(destination)).toEqual([left]);
    expect(existsSync(join(dir, left))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([...unrelated, writing.slice(dir.length + 1)].sort());
  });

  it('names the writer in the partial file, beside the destination', () => {
    const path = partialPathFor('/some/folder/package.zip');
    expect(path).toMatch(
      new RegExp(`^/some/folder/package\\.zip\\.partial-${process.pid}-[0-9a-f]{12}$`),
    );
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { type GeneratedDocument, writeGenerated } from './generated';

const doc: GeneratedDocument = {
  fileName: 'Plan.csv',
  write: async (path) => writeFileSync(path, 'ref,title\r\nT-001,Rotate keys\r\n'),
};

describe('writing a generated file where the user asked', () => {
  it('replaces a file the user chose to save over, whole, with its size and hash', async () => {
    const dir = tempDir();
    const target = join(dir, 'plan.csv');
    writeFileSync(target, 'an older export');
    const written = await writeGenerated(doc, target);
    expect(readFileSync(target, 'utf8')).toBe('ref,title\r\nT-001,Rotate keys\r\n');
    expect(written).toMatchObject({ fileName: 'plan.csv', size: statSync(target).size });
    expect(written.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never replaces a folder or a named pipe, and leaves them as they were', async () => {
    const dir = tempDir();
    const folder = join(dir, 'folder.csv');
    mkdirSync(folder);
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    for (const [path, what] of [
      [folder, 'a folder'],
      [fifo, 'a named pipe'],
    ] as const) {
      await expect(writeGenerated(doc, path)).rejects.toMatchObject({
        code: 'validation',
        message: `${path} is ${what}; choose a file name.`,
      });
    }
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

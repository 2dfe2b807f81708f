import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { createPerson } from '../people/people';
import { closeVault } from '../vault/session';
import { importRequests, previewImport } from './import';
import { rejection, requestCount, scopedVault, writePbcCsv } from './test-fixtures';

describe('refusing what is not a request list', () => {
  it.each([
    [
      'a PNG renamed .xlsx',
      'shot.xlsx',
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      'is not a spreadsheet (it looks like a PNG image)',
    ],
    [
      'random bytes named .csv',
      'noise.csv',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      'is not a spreadsheet',
    ],
    [
      'a zip that is no workbook',
      'fake.xlsx',
      Buffer.from('504b0304' + '00'.repeat(60), 'hex'),
      'is not a readable XLSX workbook',
    ],
    [
      'a CSV without a request-number column',
      'list.csv',
      Buffer.from('Name,Team\nAna,Eng\n'),
      'No column of list.csv looks like a request number',
    ],
    ['an empty file', 'empty.csv', Buffer.alloc(0), 'is empty'],
  ])('%s → validation, nothing saved', async (_what, name, bytes, message) => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const path = join(dir, name);
    writeFileSync(path, bytes);
    for (const run of [
      () => previewImport(vault, { path, fileName: name }),
      () => importRequests(vault, { path, fileName: name, mapping: { ref: 'PBC #' } }),
    ]) {
      const e = await rejection(run());
      expect(e.code).toBe('validation');
    }
    const e = await rejection(previewImport(vault, { path, fileName: name }));
    expect(e.message).toContain(message);
    expect(requestCount(vault)).toBe(0);
    expect(vault.db.sqlite.prepare('SELECT count(*) FROM request_import').pluck().get()).toBe(0);
    closeVault(vault);
  });

  it('names the mapped column a file does not have', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const e = await rejection(
      importRequests(vault, {
        path: writePbcCsv(dir),
        fileName: 'pbc.csv',
        mapping: { ref: 'PBC #', owner: 'Assignee' },
      }),
    );
    expect(e.code).toBe('validation');
    expect(e.details).toEqual([
      { path: ['mapping', 'owner'], message: 'This file has no column "Assignee"' },
    ]);
    expect(requestCount(vault)).toBe(0);
    closeVault(vault);
  });

  it('refuses an import when people, controls or the scope change while the file is read', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const importing = importRequests(vault, {
      path: writePbcCsv(dir),
      fileName: 'pbc.csv',
      mapping: { ref: 'PBC #', owner: 'Owner' },
    });
    createPerson(vault, { name: 'Bob Stone' });
    const e = await rejection(importing);
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('nothing was imported. Import it again.');
    expect(requestCount(vault)).toBe(0);
    closeVault(vault);
  });

  it('says a missing file is not found', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const e = await rejection(
      previewImport(vault, { path: join(dir, 'nope.csv'), fileName: 'nope.csv' }),
    );
    expect(e.code).toBe('not_found');
    closeVault(vault);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { closeVault } from '../vault/session';
import { importRequests, previewImport } from './import';
import { scopedVault, writeMixedCsv } from './test-fixtures';

describe('a request list mixing two text encodings', () => {
  it('is read sensibly, with a warning naming the lines, in the preview and the import', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const path = writeMixedCsv(dir);
    const warning =
      'mixed.csv mixes two encodings: line 3 is not UTF-8 like the rest of the file and was read as Windows-1252. Check accented letters and symbols on that line.';

    const preview = await previewImport(vault, { path, fileName: 'mixed.csv' });
    expect(preview.warnings).toEqual([warning]);
    expect(preview.rows.map((r) => r.description)).toEqual([
      'Café access review – Q1',
      'Résumé of the café badge list',
      'Zürich office list',
    ]);

    const summary = await importRequests(vault, {
      path,
      fileName: 'mixed.csv',
      mapping: preview.mapping,
    });
    expect(summary.warnings).toEqual([warning]);
    expect(summary.counts.new).toBe(3);
    closeVault(vault);
  });

  it('warns about nothing in a file that is all one encoding', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const path = join(dir, 'ansi.csv');
    writeFileSync(path, Buffer.from('PBC #;Item Requested\r\nPBC-1;Café\r\n', 'latin1'));
    const preview = await previewImport(vault, { path, fileName: 'ansi.csv' });
    expect(preview.warnings).toEqual([]);
    expect(preview.rows[0]!.description).toBe('Café');
    closeVault(vault);
  });
});

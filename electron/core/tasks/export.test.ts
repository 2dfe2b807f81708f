import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGenerated } from '../files/generated';
import { readBackWithPython, readXlsxCellsWithPython } from '../../testing/read-back';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { createPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import { closeVault } from '../vault/session';
import { exportTasks } from './export';
import { createTask } from './tasks';

describe('exporting the remediation plan', () => {
  it('writes CSV and XLSX that independent readers read back with the same content', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    applyScope(vault);
    const ana = createPerson(vault, { name: 'Ana Lima' });
    createTask(vault, {
      title: 'Roll out MFA',
      ownerId: ana.id,
      dueOn: '2026-03-31',
      priority: 'high',
    });
    createTask(vault, { title: '=HYPERLINK("x")', description: 'two\nlines, "quoted"' });

    for (const format of ['csv', 'xlsx'] as const) {
      const doc = exportTasks(vault, format);
      const { path } = await writeGenerated(doc, join(dir, doc.fileName));
      const rows = readBackWithPython(path, format);
      expect(rows[0]!.slice(0, 6)).toEqual(['Task', 'Title', 'Status', 'Priority', 'Owner', 'Due']);
      expect(rows[1]!.slice(0, 6)).toEqual([
        'T-001',
        'Roll out MFA',
        'To do',
        'high',
        'Ana Lima',
        '2026-03-31',
      ]);
      expect(rows[2]![10]).toBe('two\nlines, "quoted"');
      // A formula-looking title is neutralised in CSV (a leading quote) and stored as text in XLSX.
      expect(rows[2]![1]).toBe(format === 'csv' ? `'=HYPERLINK("x")` : '=HYPERLINK("x")');
      if (format === 'xlsx') {
        // …with the quote-prefix style, so it stays text when someone edits the cell.
        const title = readXlsxCellsWithPython(path).find((c) => c.ref === 'B3')!;
        expect(title).toMatchObject({ type: 's', formula: false, quotePrefix: true });
      }
    }
    closeVault(vault);
  });
});

// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type DataColumn, DataTable } from './DataTable';

interface Row {
  id: string;
  name: string;
}
const columns: DataColumn<Row>[] = [{ id: 'name', header: 'Name', cell: (r) => r.name }];

const render = (extra: Partial<Parameters<typeof DataTable<Row>>[0]>) =>
  renderToStaticMarkup(
    <MantineProvider>
      <DataTable
        label="Things"
        testId="things"
        rows={[{ id: 'a', name: 'Alpha' }]}
        rowId={(r) => r.id}
        columns={columns}
        {...extra}
      />
    </MantineProvider>,
  );

describe('DataTable', () => {
  it('shows a footer under the scrolling box, outside it', () => {
    const html = render({ footer: <p data-testid="things-footer">1 of 5 loaded</p> });
    const viewportEnd = html.indexOf('</table></div>');
    const footer = html.indexOf('data-testid="things-footer"');
    expect(viewportEnd).toBeGreaterThan(0);
    expect(footer).toBeGreaterThan(viewportEnd);
  });

  it('keeps its own class next to a variant’s, and fixes column widths when asked', () => {
    const dense = render({ className: 'dense', fixedLayout: true });
    expect(dense).toMatch(/<table[^>]*class="[^"]*attest-table dense/);
    expect(dense).toMatch(/<table[^>]*data-layout="fixed"|<table[^>]*table-layout:\s*fixed/);
    const plain = render({});
    expect(plain).not.toMatch(/table-layout:\s*fixed|data-layout="fixed"/);
    expect(plain).not.toContain('things-footer');
  });

  it('says it is busy while its rows are the previous filter’s, and only then', () => {
    expect(render({ stale: true })).toMatch(/<table[^>]*aria-busy="true"/);
    expect(render({ stale: false })).not.toContain('aria-busy');
  });

  it('lines a figure column’s heading up on the right (its cells follow the same setting)', () => {
    const html = render({
      columns: [
        ...columns,
        { id: 'size', header: 'Size', align: 'right', cell: (r) => r.name.length },
      ],
    });
    expect(html).toMatch(/<th[^>]*text-align:\s*right[^>]*>Size/);
    expect(html).not.toMatch(/<th[^>]*text-align:\s*right[^>]*>Name/);
  });
});

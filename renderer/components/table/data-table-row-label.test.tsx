// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';
import { NOTHING_SELECTED, type Selection } from './selection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Row {
  id: string;
  ref: string;
  title: string;
}
const ROWS: Row[] = [
  { id: '0190-a', ref: 'AC-01', title: 'Access reviews' },
  { id: '0190-b', ref: 'AC-02', title: 'Joiners and leavers' },
];

function table(selection?: { value: Selection; onChange(next: Selection): void }) {
  return render(
    <MantineProvider>
      <DataTable<Row>
        label="Controls"
        rows={ROWS}
        rowId={(r) => r.id}
        rowLabel={(r) => `${r.ref} ${r.title}`}
        columns={[{ id: 'ref', header: 'Ref', cell: (r) => r.ref }]}
        selection={selection && { ...selection, noun: ['control', 'controls'] }}
      />
    </MantineProvider>,
  );
}

// happy-dom lays nothing out: the table's scrolling box reports the height of a short window,
// so the virtualiser has rows in view to draw.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 400,
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
});
afterEach(cleanup);

describe('a DataTable row named by rowLabel', () => {
  it('is announced by its name, not by its id', () => {
    table();
    expect(screen.getByRole('row', { name: 'AC-02 Joiners and leavers' })).toBeTruthy();
    expect(screen.queryByRole('row', { name: /0190-b/ })).toBeNull();
  });

  it('has a tick box that says which row it ticks', () => {
    let ticked: Selection = NOTHING_SELECTED;
    table({ value: ticked, onChange: (next) => (ticked = next) });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select AC-01 Access reviews' }));
    expect(ticked.kind === 'some' && [...ticked.ids]).toEqual(['0190-a']);
  });
});

import { describe, expect, it } from 'vitest';
import { type PaletteEntry, paletteRows, searchPalette } from './palette-store';

const entry = (id: string, label: string, over: Partial<PaletteEntry> = {}): PaletteEntry => ({
  id,
  group: 'Controls',
  label,
  run: () => undefined,
  ...over,
});

const sources = {
  scope: [
    entry('control:1', 'AC-04 Approved access requests', { keywords: ['AC-04', 'CC6.2'] }),
    entry('control:2', 'AC-05 Quarterly access reviews', { keywords: ['AC-05'] }),
  ],
  gaps: [
    entry('assess:1', 'Assess AC-04', { attachTo: 'control:1', actionLabel: 'Assess' }),
    entry('assess:2', 'Assess AC-05', { attachTo: 'control:2', actionLabel: 'Assess' }),
    // Its control is not listed (e.g. not loaded yet): it stands on its own.
    entry('assess:3', 'Assess HR-01', { attachTo: 'control:3', actionLabel: 'Assess' }),
  ],
  global: [entry('go:scope', 'Scope', { group: 'Go to' })],
};

const shown = (query: string, limit = 60) =>
  searchPalette(paletteRows(sources), query, limit).map((g) => ({
    group: g.group,
    rows: g.rows.map((r) => [r.entry.label, ...r.also.map((a) => a.actionLabel)]),
  }));

describe('the palette', () => {
  it('lists each control once, with its other actions on the same row', () => {
    expect(shown('')).toEqual([
      { group: 'Go to', rows: [['Scope']] },
      {
        group: 'Controls',
        rows: [
          ['AC-04 Approved access requests', 'Assess'],
          ['AC-05 Quarterly access reviews', 'Assess'],
          ['Assess HR-01'],
        ],
      },
    ]);
    expect(shown('ac-04')).toEqual([
      { group: 'Controls', rows: [['AC-04 Approved access requests', 'Assess']] },
    ]);
  });

  it('shows an attached action on its own when the search finds it and not its object', () => {
    expect(shown('assess ac-0')).toEqual([
      { group: 'Controls', rows: [['Assess AC-04'], ['Assess AC-05']] },
    ]);
  });

  it('puts label matches first, then description and keyword matches, up to the limit', () => {
    expect(shown('cc6.2')).toEqual([
      { group: 'Controls', rows: [['AC-04 Approved access requests', 'Assess']] },
    ]);
    expect(shown('access', 1)).toEqual([
      { group: 'Controls', rows: [['AC-04 Approved access requests', 'Assess']] },
    ]);
  });
});

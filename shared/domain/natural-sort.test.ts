import { describe, expect, it } from 'vitest';
import { naturalSortKey } from './natural-sort';

describe('naturalSortKey', () => {
  it('orders numbers as numbers, ignoring case, accents and leading zeros', () => {
    const refs = ['PBC-10', 'pbc-2', 'PBC-1.10', 'PBC-1.2', 'Élan-3', 'elan-20', 'PBC-002a'];
    const sorted = [...refs].sort((a, b) =>
      naturalSortKey(a) < naturalSortKey(b) ? -1 : naturalSortKey(a) > naturalSortKey(b) ? 1 : 0,
    );
    expect(sorted).toEqual([
      'Élan-3',
      'elan-20',
      'PBC-1.2',
      'PBC-1.10',
      'pbc-2',
      'PBC-002a',
      'PBC-10',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { nextSort } from './sort';

describe('nextSort', () => {
  it('flips the column sorted by, and starts another ascending', () => {
    expect(nextSort({ key: 'ref', dir: 'asc' }, 'ref')).toEqual({ key: 'ref', dir: 'desc' });
    expect(nextSort({ key: 'ref', dir: 'desc' }, 'ref')).toEqual({ key: 'ref', dir: 'asc' });
    expect(nextSort({ key: 'ref', dir: 'desc' }, 'title')).toEqual({ key: 'title', dir: 'asc' });
  });
});

import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api';
import { evidenceSourceFor } from './add-evidence';
import { activeFilterCount } from './EvidenceFilters';
import { diffIds } from './EvidenceLinks';

const clientGiving = (source: { path: string } | { uploadId: string }) =>
  ({ fileSourceFor: async () => source }) as unknown as ApiClient;

describe('adding evidence from the window', () => {
  it('sends a browser upload with the file’s own name (evidence.add names items by it)', async () => {
    const file = new File(['x'], 'MFA settings.png');
    expect(await evidenceSourceFor(clientGiving({ uploadId: 'up_1' }), file)).toEqual({
      uploadId: 'up_1',
      fileName: 'MFA settings.png',
    });
  });

  it('sends a desktop drop as its path alone', async () => {
    const file = new File(['x'], 'a.pdf');
    expect(await evidenceSourceFor(clientGiving({ path: '/home/u/a.pdf' }), file)).toEqual({
      path: '/home/u/a.pdf',
    });
  });
});

describe('the drawer’s links and the table’s filters', () => {
  it('links what was added and unlinks what was removed, nothing else', () => {
    expect(diffIds(['c1', 'c2'], ['c2', 'c3'])).toEqual({ added: ['c3'], removed: ['c1'] });
    expect(diffIds(['c1'], ['c1'])).toEqual({ added: [], removed: [] });
  });

  it('counts the filters set, not those cleared or switched off', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ controlId: undefined, includeSuperseded: false })).toBe(0);
    expect(activeFilterCount({ kind: 'population', reviewed: false })).toBe(2);
    expect(activeFilterCount({ reviewed: true, includeSuperseded: true })).toBe(2);
  });
});

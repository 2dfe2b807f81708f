import { describe, expect, it } from 'vitest';
import { setCellInput } from '../../../shared/api/self-tests';
import { withPopulation } from '../../testing/self-test-vaults';
import { auditHistory } from '../audit/history';
import { verifyVault } from '../vault/verify';
import { drawSample } from './draw';
import { setCell, updateDeviation } from './grid';

describe('a deviation’s history', () => {
  it('shows each edit as before → after, empty fields as "—", not "not recorded"', async () => {
    const { vault, control } = await withPopulation();
    const t = await drawSample(vault, { controlId: control.id, seed: 'h' });
    const item = t.items[0]!;
    const failed = setCell(
      vault,
      setCellInput.parse({
        testId: t.id,
        itemId: item.id,
        attributeId: t.attributes[0]!.id,
        result: 'fail',
      }),
    );
    const id = failed.deviation!.id;
    updateDeviation(vault, id, { managementResponse: 'Reviewer retrained', extent: 'systematic' });
    // An empty text is stored as nothing, and recorded as such.
    updateDeviation(vault, id, {
      managementResponse: 'Check added to the template',
      rootCause: '',
    });

    const [second, first, created] = auditHistory(vault, { entityId: id, limit: 3 }).items;
    expect(created).toMatchObject({ action: 'create', entity: 'deviation' });
    // The log's payloads are canonical JSON: fields in name order.
    expect(created!.details).toContain('extent: isolated, management response: —');
    expect(created!.details).toContain(`occurred on: ${item.date}`);
    expect(first!.changes).toEqual([
      { field: 'extent', before: 'isolated', after: 'systematic' },
      { field: 'management response', before: '—', after: 'Reviewer retrained' },
    ]);
    expect(second!.details).toBe(
      'management response: Reviewer retrained → Check added to the template, root cause: — → —',
    );
    // The payload names the values stored; the state hash still vouches for the row.
    expect((await verifyVault(vault)).problems).toEqual([]);
  });
});

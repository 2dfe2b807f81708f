import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { closeVault, type Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { applyScope } from './apply-scope';
import { setNotRelevant } from './criteria';
import { updateEngagementDetails } from './engagement';

function entriesSince(vault: Vault, seq: number) {
  return (
    vault.db.sqlite
      .prepare(
        'SELECT seq, action, entity, entity_id, payload FROM audit_event WHERE seq > ? ORDER BY seq',
      )
      .all(seq) as {
      seq: number;
      action: string;
      entity: string;
      entity_id: string;
      payload: string;
    }[]
  ).map((e) => ({ ...e, payload: JSON.parse(e.payload) as Record<string, unknown> }));
}
const lastSeq = (vault: Vault) =>
  vault.db.sqlite.prepare('SELECT max(seq) FROM audit_event').pluck().get() as number;

describe('scope changes in the audit log', () => {
  it('records categories, report type and period, confirmation and not-relevant marks', async () => {
    const vault = await newTestVault(tempDir()); // Type II, Security + Availability
    applyScope(vault);

    let from = lastSeq(vault);
    updateEngagementDetails(vault, { categories: ['security', 'confidentiality'] });
    expect(entriesSince(vault, from)).toEqual([
      expect.objectContaining({
        action: 'update',
        entity: 'engagement',
        payload: { categories: ['security', 'confidentiality'] },
      }),
    ]);

    from = lastSeq(vault);
    updateEngagementDetails(vault, { reportType: 'type1', asOf: '2026-06-30' });
    expect(entriesSince(vault, from)).toEqual([
      expect.objectContaining({
        entity: 'engagement',
        payload: expect.objectContaining({ reportType: 'type1', asOf: '2026-06-30' }),
      }),
    ]);

    from = lastSeq(vault);
    updateEngagementDetails(vault, {
      reportType: 'type2',
      period: { start: '2026-02-01', end: '2026-07-31' },
    });
    expect(entriesSince(vault, from)[0]!.payload).toMatchObject({
      period: { start: '2026-02-01', end: '2026-07-31' },
    });

    from = lastSeq(vault);
    const change = applyScope(vault);
    const confirmed = entriesSince(vault, from);
    // Every archived control, every added control and the confirmation itself.
    expect(confirmed.filter((e) => e.action === 'archive').length).toBe(change.archived.length);
    expect(confirmed.filter((e) => e.action === 'create' && e.entity === 'control').length).toBe(
      change.added.length,
    );
    expect(confirmed.at(-1)).toMatchObject({
      entity: 'engagement',
      payload: { scopeConfirmed: expect.objectContaining({ added: change.added }) },
    });

    from = lastSeq(vault);
    setNotRelevant(vault, 'C1.2', 'No confidential data is ever disposed of by the system');
    setNotRelevant(vault, 'C1.2', null);
    expect(entriesSince(vault, from).map((e) => [e.entity, e.entity_id, e.payload])).toEqual([
      [
        'criterion',
        'C1.2',
        { notRelevantReason: 'No confidential data is ever disposed of by the system' },
      ],
      ['criterion', 'C1.2', { notRelevantReason: null }],
    ]);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});

import { describe, expect, it } from 'vitest';
import { evidenceKillCampaign } from '../../testing/evidence-kill-campaign';

// `npm run test:slow`: the long campaign. add-kill-campaign.test.ts runs a short one every time.
describe('attest evidence add killed part-way, many times', () => {
  it('leaves every file whole or absent, and a sound vault, every time (30 seeded runs)', async () => {
    const outcomes = await evidenceKillCampaign({ runs: 30, seed: 20261203 });
    expect(outcomes.filter((o) => o.ended.startsWith('killed')).length).toBeGreaterThan(10);
    // Some runs were cut mid-folder: part of it stored, the rest not.
    expect(outcomes.some((o) => o.added > 0 && o.added < o.of)).toBe(true);
  }, 900_000);
});

import { describe, expect, it } from 'vitest';
import { evidenceKillCampaign } from '../../testing/evidence-kill-campaign';

// The short campaign; the ≈30-run one is add-kill-campaign.slow.test.ts (`npm run test:slow`).
describe('attest evidence add killed part-way', () => {
  it('leaves every file whole or absent, and a vault that opens and verifies (3 seeded runs)', async () => {
    const outcomes = await evidenceKillCampaign({ runs: 3, seed: 20261203 });
    // The campaign really killed the command (not only watched it finish).
    expect(outcomes.some((o) => o.ended.startsWith('killed'))).toBe(true);
  }, 120_000);
});

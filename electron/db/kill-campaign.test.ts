import { describe, expect, it } from 'vitest';
import { killCampaign } from '../testing/kill-campaign';

// The short campaign; the long one (more runs, more random moments) is
// kill-campaign.slow.test.ts, run by `npm run test:slow`.
describe('a process killed mid-ingest', () => {
  it('leaves either the whole file or nothing, and a sound vault (4 seeded runs)', async () => {
    const outcomes = await killCampaign({ runs: 4, seed: 20261126 });
    // The campaign really interrupted ingests (not only finished ones).
    expect(outcomes).toContain('nothing');
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { killCampaign } from '../testing/kill-campaign';

// `npm run test:slow`: the long campaign. kill-campaign.test.ts runs a short one in every suite.
describe('a process killed mid-ingest, many times', () => {
  it('leaves either the whole file or nothing, and a sound vault, every time (seeded)', async () => {
    const outcomes = await killCampaign({ runs: 24, seed: 20261126 });
    expect(outcomes).toContain('nothing');
  }, 600_000);
});

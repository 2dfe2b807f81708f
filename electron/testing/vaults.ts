import { join } from 'node:path';
import type { EngagementInput } from '../../shared/api/vault';
import { engagementInput } from '../../shared/api/vault';
import { createVault, type Vault } from '../core/vault/session';
import { fixedClock } from '../platform/clock';
import { sequentialIds } from '../platform/ids';

export const TYPE2_ENGAGEMENT: EngagementInput = {
  name: 'Acme SOC 2 Type II 2026',
  client: 'Acme Analytics Ltd',
  reportType: 'type2',
  period: { start: '2026-01-01', end: '2026-06-30' },
  categories: ['security', 'availability'],
};

/** A new vault in `dir` with a fixed clock and deterministic ids. */
export async function newTestVault(
  dir: string,
  name = 'test.attest',
  input = TYPE2_ENGAGEMENT,
): Promise<Vault> {
  return createVault(join(dir, name), engagementInput.parse(input), {
    app: 'vitest',
    clock: fixedClock(),
    ids: sequentialIds(),
  });
}

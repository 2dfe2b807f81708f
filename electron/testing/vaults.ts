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

/**
 * Stores a file the way the app does, owned by a record (DESIGN §3): as the SOC report of a
 * subservice organisation (created, with the scope confirmed, if the vault has none yet).
 * Answers the stored blob's id.
 */
export async function storeOwnedFile(vault: Vault, path: string): Promise<number> {
  const { applyScope } = await import('../core/scope/apply-scope');
  const { attachSubserviceReport, saveSubservice } = await import('../core/sd/subservices');
  const { listCriteria } = await import('../core/scope/criteria');
  if (listCriteria(vault, true).length === 0) applyScope(vault);
  const org = saveSubservice(vault, {
    name: `Vendor ${path.split('/').pop()}`,
    services: 'Hosting',
    method: 'inclusive',
    criteria: ['CC6.4'],
    csocs: [],
    vendorCuecs: [],
    report: {
      type: null,
      periodStart: null,
      periodEnd: null,
      opinion: null,
      exceptions: '',
      reviewedOn: null,
      bridgeGap: '',
    },
    monitoringControlId: null,
  });
  return (await attachSubserviceReport(vault, org.id, path, 'report.pdf')).blobId;
}

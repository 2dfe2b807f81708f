import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngagementInput } from '../../shared/api/vault';
import { engagementInput } from '../../shared/api/vault';
import { closeVault, createVault, openVault, type Vault } from '../core/vault/session';
import { type Clock, fixedClock } from '../platform/clock';
import { type IdSource, sequentialIds } from '../platform/ids';

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

/** A fixedClock and sequentialIds that count what they handed out, so a copy can continue them. */
function counted() {
  const ids = sequentialIds();
  const clock = fixedClock();
  const issued = new Map<string, number>();
  let ticks = 0;
  return {
    ids: {
      next: (prefix: string) => {
        issued.set(prefix, (issued.get(prefix) ?? 0) + 1);
        return ids.next(prefix);
      },
    } satisfies IdSource,
    clock: { now: () => (ticks++, clock.now()) } satisfies Clock,
    get ticks() {
      return ticks;
    },
    /** A fresh clock and id source advanced to where these are now, less `unticks` readings. */
    continued(unticks = 0): { ids: IdSource; clock: Clock } {
      const nextIds = sequentialIds();
      for (const [prefix, n] of issued) for (let i = 0; i < n; i++) nextIds.next(prefix);
      const nextClock = fixedClock();
      for (let i = 0; i < ticks - unticks; i++) nextClock.now();
      return { ids: nextIds, clock: nextClock };
    },
  };
}

let scopedTemplate: Promise<{
  path: string;
  continued: () => { ids: IdSource; clock: Clock };
}> | null = null;

/**
 * The same vault as `newTestVault(dir, name)` followed by `applyScope` — the same rows, ids and
 * times, and a clock and ids that go on from there — but copied from a template made once per
 * test process (a test file): confirming the scope costs most of a second of CPU, a copy a few
 * milliseconds. Only the signing key is the template's (the same for every copy in the file).
 * A test about creating or scoping a vault must do it itself.
 */
export async function newScopedTestVault(dir: string, name = 'test.attest'): Promise<Vault> {
  scopedTemplate ??= (async () => {
    // Loaded only here, like storeOwnedFile's: most files that import this one never scope.
    const { applyScope } = await import('../core/scope/apply-scope');
    // In the unit run's scratch folder, which its global teardown removes (a test process is
    // stopped, not exited, so an exit handler alone would leave the template behind).
    const scratch = process.env['ATTEST_TEST_WORKER_BASE'] ?? tmpdir();
    const folder = mkdtempSync(join(scratch, 'attest-scoped-template-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    const source = counted();
    const vault = await createVault(
      join(folder, 'template.attest'),
      engagementInput.parse(TYPE2_ENGAGEMENT),
      { app: 'vitest', clock: source.clock, ids: source.ids },
    );
    applyScope(vault);
    closeVault(vault);
    // The copy's own opening reads the clock as the template's did (its lock note): that
    // reading is already counted, so the copy's clock starts that many readings back.
    const probe = counted();
    closeVault(await openVault(vault.path, { app: 'vitest', clock: probe.clock, ids: probe.ids }));
    return { path: vault.path, continued: () => source.continued(probe.ticks) };
  })();
  const template = await scopedTemplate;
  const path = join(dir, name);
  copyFileSync(template.path, path);
  return openVault(path, { app: 'vitest', ...template.continued() });
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
      exceptionsAssessment: 'not_assessed',
      exceptionsConclusion: '',
      reviewedOn: null,
      bridgeGap: '',
      bridgeLetter: null,
    },
    monitoringControlId: null,
  });
  return (await attachSubserviceReport(vault, org.id, path, 'report.pdf')).blobId;
}

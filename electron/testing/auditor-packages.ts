/**
 * Real audit packages for auditor mode's tests: the package vault (the small demo with a request
 * list, evidence linked to requests and populations — one of them with no rows) exported by
 * `attest export` as a user would, once with every part and once without the `01_Index/` part.
 * A population of deployments with two rows dated after its window is added, so the vault's own
 * count of rows outside the window can be held against what auditor mode flags; and a link (an
 * item with no file, which only the evidence index lists).
 * Built once per test file (a demo vault takes seconds) and removed by `disposeAuditorPackages`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../cli/main';
import { recordPopulation } from '../core/evidence/population';
import { closeVault, openVault } from '../core/vault/session';
import { buildPackageVault } from './package-vault';
import { captureIo } from './tmp';

export interface AuditorPackages {
  dir: string;
  vault: string;
  /** Every part, the index CSVs included. */
  full: string;
  /** Evidence and populations only: no index, no description, no policies. */
  noIndex: string;
}

let built: Promise<AuditorPackages> | null = null;

async function build(): Promise<AuditorPackages> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-auditor-packages-'));
  const vault = await buildPackageVault(dir);
  await addDeployments(dir, vault);
  await addLink(dir, vault);
  const exportTo = async (name: string, ...args: string[]) => {
    const cli = captureIo(dir);
    const code = await run(['export', vault, '--out', name, ...args], cli.io);
    if (code !== 0) throw new Error(`attest export: ${cli.err}`);
    return join(dir, name);
  };
  return {
    dir,
    vault,
    full: await exportTo('full.zip'),
    noIndex: await exportTo('no-index.zip', '--categories', 'evidence,populations'),
  };
}

async function addDeployments(dir: string, vaultPath: string): Promise<void> {
  const file = join(dir, 'deployments.csv');
  writeFileSync(
    file,
    'Change,Deployed at,Approver\r\nCHG-1,2026-02-03,ana\r\nCHG-2,2026-03-15,bo\r\nCHG-3,2026-04-02,ana\r\nCHG-4,2026-04-20,cy\r\n',
  );
  const cli = captureIo(dir);
  const code = await run(['evidence', 'add', vaultPath, file, '--control', 'CHG-02'], cli.io);
  if (code !== 0) throw new Error(`attest evidence add: ${cli.err}`);
  const vault = await openVault(vaultPath);
  try {
    const { id } = vault.db.sqlite
      .prepare("SELECT id FROM evidence WHERE title = 'deployments'")
      .get() as { id: string };
    await recordPopulation(vault, {
      id,
      sourceSystem: 'Deploy pipeline',
      query: 'all production deploys',
      dateColumn: 'Deployed at',
      window: { start: '2026-01-01', end: '2026-03-31' },
      supportIds: [],
    });
  } finally {
    closeVault(vault);
  }
}

/** The address of the link evidence the packages carry. */
export const LINK_URL = 'https://status.example.com/history?range=q1';

async function addLink(dir: string, vaultPath: string): Promise<void> {
  const cli = captureIo(dir);
  const args = ['evidence', 'add-link', vaultPath, LINK_URL, '--title', 'Status page history'];
  const code = await run([...args, '--control', 'CHG-02', '--request', 'PBC-002'], cli.io);
  if (code !== 0) throw new Error(`attest evidence add-link: ${cli.err}`);
}

export function auditorPackages(): Promise<AuditorPackages> {
  built ??= build();
  return built;
}

export async function disposeAuditorPackages(): Promise<void> {
  if (!built) return;
  const { dir } = await built.catch(() => ({ dir: null }));
  built = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
}

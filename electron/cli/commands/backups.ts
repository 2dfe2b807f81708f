import { join, resolve } from 'node:path';
import { BACKUP_ID, type Backup } from '../../../shared/api/witness';
import { backupsFolder, listBackups, toBackup } from '../../core/vault/backups';
import { restoreBackup } from '../../core/vault/restore';
import { closeVault, openVault } from '../../core/vault/session';
import { vaultFingerprint } from '../../core/vault/witness';
import { chainHead } from '../../db/audit';
import { openVaultReadOnly } from '../../db/open-read-only';
import { sharedHome } from '../../platform/home';
import { WitnessStore } from '../../platform/witness-store';
import { parse, str } from '../args';
import { formatBytes } from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { progressReporter } from '../progress';

const REASONS: Record<Backup['reason'], string> = {
  open: 'when opened',
  daily: 'daily',
  manual: 'by hand',
  'before-restore': 'before a restore',
};

/**
 * `attest backups <vault>`: the vault's backups, newest first (made by the app when it opens a
 * vault and daily while it stays open, kept in the folder the app and the command share).
 * `--restore <id>` replaces the vault with one of them, keeping the vault as it was as a backup
 * first — what "Backups…" in the app's vault menu does.
 */
export async function backupsCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('backups', args, { restore: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('backups: give exactly one vault path');
  const restore = str(values.restore);
  if (restore !== undefined && !BACKUP_ID.test(restore)) {
    throw new UsageError(
      `backups: --restore takes a backup id as listed by "attest backups ${positionals[0]}", such as 20261203T101500123Z-open`,
    );
  }
  const path = resolve(io.cwd, positionals[0]!);
  const shared = sharedHome(io.env);
  const root = join(shared, 'backups');
  if (restore === undefined) return list(io, path, root, values.json === true);

  const witness = new WitnessStore(join(shared, 'witness'));
  let vault = await openVault(path, { app: 'attest backups' });
  try {
    const progress = progressReporter(io, 'Restoring');
    const done = await restoreBackup(vault, root, restore, {
      witness,
      signal,
      app: 'attest backups',
      onProgress: (p) => progress.update(p),
    });
    progress.done();
    vault = done.vault;
    const { restored, keptAs, witnessBefore } = done.result;
    if (values.json) {
      io.out(JSON.stringify(done.result, null, 2) + '\n');
    } else {
      io.out(
        `Restored ${path} from backup ${restored.id} (made ${when(restored.createdAt)}, ${restored.head.seq} audit entries).\n` +
          `The vault as it was is kept as backup ${keptAs.id} (${keptAs.head.seq} audit entries).\n` +
          `Witness: ${witnessBefore.message}\n` +
          `  The restored history is now the baseline this computer compares the vault with.\n`,
      );
    }
    return EXIT_OK;
  } finally {
    closeVault(vault);
  }
}

async function list(io: CliIo, path: string, root: string, json: boolean): Promise<number> {
  // Read-only, like verify: listing never changes the vault.
  const vault = await openVaultReadOnly(path);
  let items: Backup[];
  let folder: string;
  try {
    const fingerprint = vaultFingerprint(vault.db);
    const head = chainHead(vault.db);
    folder = backupsFolder(root, fingerprint);
    items = listBackups(root, fingerprint).map((b) => toBackup(b, head));
  } finally {
    vault.close();
  }
  if (json) {
    io.out(JSON.stringify({ folder, items }, null, 2) + '\n');
    return EXIT_OK;
  }
  if (items.length === 0) {
    io.out(
      `No backups of ${path} yet (in ${folder}). The app backs a vault up when it opens it and daily while it stays open.\n`,
    );
    return EXIT_OK;
  }
  io.out(`Backups of ${path}, newest first (in ${folder}):\n`);
  const rows = items.map((b) => [
    b.id,
    when(b.createdAt),
    REASONS[b.reason],
    `${b.head.seq} entries`,
    formatBytes(b.bytes),
    b.current ? 'the vault as it is now' : '',
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    io.out(
      `  ${r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd()}\n`,
    );
  io.out(`Restore one with: attest backups <vault> --restore <id>\n`);
  return EXIT_OK;
}

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

import { resolve } from 'node:path';
import { compactVault } from '../../core/vault/compact';
import { closeVault, openVault } from '../../core/vault/session';
import { parse } from '../args';
import { formatBytes } from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { progressReporter } from '../progress';

/**
 * `attest compact <vault>`: what "Compact vault…" does in the app. Gives every free page back
 * and converts a vault made before incremental auto-vacuum, so that space freed later goes back
 * by itself.
 */
export async function compactCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('compact', args, {});
  if (positionals.length !== 1) throw new UsageError('compact: give exactly one vault path');
  const path = resolve(io.cwd, positionals[0]!);
  let vault = await openVault(path, { app: 'attest compact' });
  try {
    const progress = progressReporter(io, 'Compacting');
    const done = await compactVault(vault, {
      signal,
      app: 'attest compact',
      onProgress: (p) => progress.update(p),
    });
    progress.done();
    vault = done.vault;
    const { bytesBefore, bytesAfter } = done.result;
    if (values.json) io.out(JSON.stringify(done.result, null, 2) + '\n');
    else
      io.out(
        `Compacted ${path}: ${formatBytes(bytesBefore)} → ${formatBytes(bytesAfter)} (${formatBytes(Math.max(0, bytesBefore - bytesAfter))} given back)\n`,
      );
    return EXIT_OK;
  } finally {
    closeVault(vault);
  }
}

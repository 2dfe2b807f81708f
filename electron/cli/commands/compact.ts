import { resolve } from 'node:path';
import { parse } from '../args';
import { formatBytes } from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { withRpc } from '../rpc';

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
  const result = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file: path });
    return rpc.job('vault.compact', {}, 'Compacting');
  });
  const { bytesBefore, bytesAfter } = result;
  if (values.json) io.out(JSON.stringify(result, null, 2) + '\n');
  else
    io.out(
      `Compacted ${path}: ${formatBytes(bytesBefore)} → ${formatBytes(bytesAfter)} (${formatBytes(Math.max(0, bytesBefore - bytesAfter))} given back)\n`,
    );
  return EXIT_OK;
}

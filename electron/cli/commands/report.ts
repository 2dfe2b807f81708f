import { resolve } from 'node:path';
import { parse, str } from '../args';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { validateInput, withRpc } from '../rpc';

/**
 * `attest report <vault> --out <file.pdf> [--json]`: the readiness report as of today, written
 * where asked (never into the vault), through the dispatcher like every command.
 */
export async function reportCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('report', args, { out: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('report: give exactly one vault path');
  const outText = str(values.out);
  if (!outText) throw new UsageError('report: say where to write it with --out <file.pdf>');
  const out = resolve(io.cwd, outText);
  validateInput('report', 'readiness.report', { saveTo: { path: out } }, { saveTo: '--out' });
  const file = resolve(io.cwd, positionals[0]!);
  const written = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file });
    return rpc.job('readiness.report', { saveTo: { path: out } }, 'Writing the readiness report');
  });
  if (values.json) io.out(JSON.stringify(written, null, 2) + '\n');
  else io.out(`Readiness report written to ${written.savedTo} (${written.size} bytes)\n`);
  return EXIT_OK;
}

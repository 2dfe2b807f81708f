import { resolve } from 'node:path';
import { DEMO_SCALES } from '../../../shared/api/vault';
import { parse, str } from '../args';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { withRpc } from '../rpc';

export async function demoCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse('demo', args, { scale: { type: 'string' } });
  if (positionals.length !== 1)
    throw new UsageError('demo: give exactly one vault path, e.g. attest demo demo.attest');
  const scale = str(values.scale) ?? 'small';
  if (!(DEMO_SCALES as readonly string[]).includes(scale)) {
    throw new UsageError(`demo: --scale is small or large, not "${scale}"`);
  }
  const path = resolve(io.cwd, positionals[0]!);
  const started = Date.now();
  const info = await withRpc(io, signal, (rpc) =>
    rpc.job(
      'vault.createDemo',
      { file: path, scale: scale as (typeof DEMO_SCALES)[number] },
      scale === 'large' ? 'Building the large demo:' : 'Building the demo:',
    ),
  );
  if (values.json) io.out(JSON.stringify(info, null, 2) + '\n');
  else
    io.out(
      `Created ${path}: ${info.engagement.name}, ${info.counts.people} people, ${info.scope.criteria.length} criteria, ${info.scope.controls.length} controls${scale === 'large' ? ` (large, ${info.counts.auditEvents} audit entries, built in ${((Date.now() - started) / 1000).toFixed(1)} s)` : ''}\n`,
    );
  return EXIT_OK;
}

import { resolve } from 'node:path';
import { buildDemoVault } from '../../core/demo/demo';
import { buildLargeDemoVault } from '../../core/demo/demo-large';
import { vaultInfo } from '../../core/vault/info';
import { closeVault } from '../../core/vault/session';
import { attestHome } from '../../platform/home';
import { rememberRecent } from '../../platform/recent';
import { parse, str } from '../args';
import { type CliIo, EXIT_OK, UsageError } from '../io';

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('demo', args, { scale: { type: 'string' } });
  if (positionals.length !== 1)
    throw new UsageError('demo: give exactly one vault path, e.g. attest demo demo.attest');
  const scale = str(values.scale) ?? 'small';
  if (scale !== 'small' && scale !== 'large') {
    throw new UsageError(`demo: --scale is small or large, not "${scale}"`);
  }
  const path = resolve(io.cwd, positionals[0]!);
  const started = Date.now();
  const vault =
    scale === 'large'
      ? await buildLargeDemoVault(path, {
          app: 'attest demo',
          onStep: (step) => {
            if (io.isTty) io.err(`  adding ${step}…\n`);
          },
        })
      : await buildDemoVault(path, { app: 'attest demo' });
  try {
    const info = vaultInfo(vault);
    rememberRecent(attestHome(io.env), { path, name: info.engagement.name, openedAt: vault.now() });
    if (values.json) io.out(JSON.stringify(info, null, 2) + '\n');
    else
      io.out(
        `Created ${path}: ${info.engagement.name}, ${info.counts.people} people, ${info.scope.criteria.length} criteria, ${info.scope.controls.length} controls${scale === 'large' ? ` (large, ${info.counts.auditEvents} audit entries, built in ${((Date.now() - started) / 1000).toFixed(1)} s)` : ''}\n`,
      );
  } finally {
    closeVault(vault);
  }
  return EXIT_OK;
}

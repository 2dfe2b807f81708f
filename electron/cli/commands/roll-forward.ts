import { resolve } from 'node:path';
import type { RollForwardSummary } from '../../../shared/api/roll-forward';
import { parse, str } from '../args';
import { formatFingerprint, table } from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { validateInput, withRpc } from '../rpc';

const FLAGS: Record<string, string> = {
  file: '--out',
  name: '--name',
  reportType: '--type',
  asOf: '--as-of',
  period: '--period',
};

/**
 * `attest roll-forward <vault> --out <new-vault> [--period A..B | --as-of D] [--type T]
 * [--name N] [--json]`: the next period's vault, built from this one (the same use case as
 * "Start next period…" in the app). The vault given is only read.
 */
export async function rollForwardCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('roll-forward', args, {
    out: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    'as-of': { type: 'string' },
    period: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('roll-forward: give exactly one vault path');
  const outText = str(values.out);
  if (!outText) {
    throw new UsageError('roll-forward: say where to create the new vault with --out <new-vault>');
  }
  const period = str(values.period);
  const input = {
    file: resolve(io.cwd, outText),
    name: str(values.name),
    reportType: str(values.type) as 'type1' | 'type2' | undefined,
    asOf: str(values['as-of']),
    period: period === undefined ? undefined : parsePeriod(period),
  };
  validateInput('roll-forward', 'vault.rollForward', input, FLAGS);
  const file = resolve(io.cwd, positionals[0]!);
  const summary = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file });
    return rpc.job('vault.rollForward', input, 'Starting the next period');
  });
  if (values.json) io.out(JSON.stringify(summary, null, 2) + '\n');
  else io.out(describe(summary));
  return EXIT_OK;
}

function describe(s: RollForwardSummary): string {
  const when = (e: {
    reportType: string;
    asOf: string | null;
    period: RollForwardSummary['engagement']['period'];
  }) =>
    e.reportType === 'type1'
      ? `Type I as of ${e.asOf}`
      : `Type II, ${e.period?.start} to ${e.period?.end}`;
  const counts = (list: RollForwardSummary['carried']) =>
    list
      .filter((c) => c.count > 0)
      .map((c) => `${c.count} ${c.entity.replaceAll('_', ' ')}`)
      .join(', ') || 'nothing';
  return (
    `Created ${s.path}\n` +
    table([
      ['Engagement', s.engagement.name],
      ['Report', when(s.engagement)],
      ['From', `${s.previous.fileName} (${when(s.previous)})`],
      ['Previous key', formatFingerprint(s.previous.fingerprint)],
      ['Previous chain head', `entry ${s.previous.chainSeq}, ${s.previous.chainHash}`],
      ['Carried', counts(s.carried)],
      ['Left with the old period', counts(s.left)],
    ])
  );
}

function parsePeriod(text: string): { start: string; end: string } {
  const m = /^(.+?)\.\.(.+)$/.exec(text.trim());
  if (!m) {
    throw new UsageError(
      `roll-forward: --period: write it as YYYY-MM-DD..YYYY-MM-DD (got "${text}")`,
    );
  }
  return { start: m[1]!.trim(), end: m[2]!.trim() };
}

import { resolve } from 'node:path';
import { evaluatedAsOf, statusLine } from '../../../shared/domain/readiness/status-line';
import { longDate } from '../../../shared/domain/system-description-wording';
import { parse } from '../args';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io';
import { withRpc } from '../rpc';

const SEVERITY_LABEL = { blocking: 'Blocking', major: 'Major', minor: 'Minor' } as const;

/**
 * `attest readiness <vault> [--json] [--check]`: the readiness review as of today, blocking
 * findings first. `--check` exits 1 while any blocking finding exists (for a script or CI).
 */
export async function readinessCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('readiness', args, { check: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('readiness: give exactly one vault path');
  const file = resolve(io.cwd, positionals[0]!);
  const review = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file });
    return rpc.call('readiness.get', {});
  });
  const code = values.check && review.blocked ? EXIT_PROBLEMS : EXIT_OK;
  if (values.json) {
    io.out(JSON.stringify({ ...review, statusLine: statusLine(review, longDate) }, null, 2) + '\n');
    return code;
  }
  const dated = evaluatedAsOf(review, longDate);
  const lines = [statusLine(review, longDate), ...(dated ? [dated] : []), ''];
  let shown: string | null = null;
  for (const f of review.findings) {
    if (f.severity !== shown) {
      shown = f.severity;
      lines.push(`${SEVERITY_LABEL[f.severity]} (${review.counts[f.severity]})`);
    }
    lines.push(`  ${f.object}: ${f.message}`, `    → ${f.fix}`);
  }
  if (review.findings.length === 0) lines.push('No findings.');
  io.out(lines.join('\n') + '\n');
  return code;
}

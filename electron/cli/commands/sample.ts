import { resolve } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import type { Input } from '../../../shared/api/index';
import type { SelfTestDetail } from '../../../shared/api/self-tests';
import { parse, str } from '../args';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { validateInput, withRpc } from '../rpc';

const FLAGS: Record<string, string> = {
  controlId: '--control',
  seed: '--seed',
  method: '--method',
  start: '--start',
  level: '--level',
  from: '--from',
};

/**
 * `attest sample <vault> --control REF [--json]`: shows the control's latest self-test sample, or
 * draws one when it has none (or with --new). `--level high` sizes it at the top of the table's
 * range; `--from DATE` draws a re-test of the latest test over the rest of the period (after a
 * remediation). Through the dispatcher like every command.
 */
export async function sampleCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('sample', args, {
    control: { type: 'string' },
    new: { type: 'boolean' },
    seed: { type: 'string' },
    method: { type: 'string' },
    start: { type: 'string' },
    level: { type: 'string' },
    from: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('sample: give exactly one vault path');
  const ref = str(values.control);
  if (!ref) throw new UsageError('sample: name the control with --control, e.g. --control AC-01');
  const startText = str(values.start);
  const start = startText === undefined ? undefined : Number(startText);
  if (startText !== undefined && !/^\d+$/.test(startText))
    throw new UsageError('sample: --start is a whole number (the first item, counted from 0)');
  const method = str(values.method) as 'random' | 'systematic' | undefined;
  const draw = {
    controlId: 'ctl_placeholder',
    seed: str(values.seed),
    method: method ?? (start !== undefined ? 'systematic' : undefined),
    start,
    level: str(values.level) as 'low' | 'high' | undefined,
    from: str(values.from),
  } satisfies Input<'selfTests.draw'>;
  // Every argument is checked before the vault opens (the control's id is filled in after).
  validateInput('sample', 'selfTests.draw', draw, FLAGS);
  const file = resolve(io.cwd, positionals[0]!);

  const { test, drew, retestOf } = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file });
    const controls = (await rpc.call('controls.list', { search: ref, limit: 1000 })).items;
    const control = controls.find((c) => c.ref.toLowerCase() === ref.trim().toLowerCase());
    if (!control) {
      throw new AttestError('validation', `No control ${ref} in this vault (--control).`);
    }
    const tests = await rpc.call('selfTests.list', { controlId: control.id });
    const latest = tests.at(-1);
    const drawing =
      values.new === true ||
      [values.seed, values.start, values.level, values.from].some((v) => v !== undefined);
    if (latest && !drawing) {
      const shown = await rpc.call('selfTests.get', { id: latest.id });
      const of = tests.find((t) => t.id === shown.retestOfId)?.ref ?? null;
      return { test: shown, drew: false, retestOf: of };
    }
    // A re-test repeats the latest test; the old one stays as it was.
    const retestOfId = draw.from !== undefined ? latest?.id : undefined;
    const drawn = await rpc.job(
      'selfTests.draw',
      { ...draw, controlId: control.id, retestOfId },
      `Drawing a ${retestOfId ? 're-test' : 'sample'} for ${control.ref}`,
    );
    return { test: drawn, drew: true, retestOf: retestOfId ? latest!.ref : null };
  });
  io.out(values.json ? JSON.stringify(test, null, 2) + '\n' : describe(test, drew, retestOf));
  return EXIT_OK;
}

function describe(t: SelfTestDetail, drew: boolean, retestOf: string | null): string {
  const how =
    t.method === 'random'
      ? `random, seed ${t.seed}`
      : `systematic from item ${t.start ?? 0} (seed ${t.seed})`;
  const lines = [
    `${t.label}.`,
    `${drew ? 'Drew' : 'Latest sample:'} ${t.ref} for ${t.controlRef}: ${t.sampleSize} of ${t.populationSize} items from ${t.drawFrom === 'population' ? 'its population' : 'its occurrence windows'}, ${how}.`,
    `Drawn by ${t.drawnBy} at ${t.drawnAt}; period ${t.period.start} to ${t.period.end}.`,
    `Size: ${t.sizeBasis}`,
    `Guidance: ${t.sizeTable.name} — ${t.sizeTable.source}`,
  ];
  if (t.completenessMissing)
    lines.push('Flag: the population has no completeness and accuracy evidence.');
  if (t.populationChanged) lines.push(`Flag: ${t.populationChanged}`);
  if (retestOf) lines.push(`A re-test of ${retestOf}: the earlier test is kept as it was.`);
  lines.push('');
  for (const i of t.items) {
    lines.push(`${String(i.position).padStart(3)}  ${i.date ?? '—'.padEnd(10)}  ${i.label}`);
  }
  lines.push('', `${t.result}.`);
  return lines.join('\n') + '\n';
}

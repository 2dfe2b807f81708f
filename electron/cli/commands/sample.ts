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
};

/**
 * `attest sample <vault> --control REF [--json]`: shows the control's latest self-test sample, or
 * draws one when it has none (or with --new). Through the dispatcher like every command.
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
  } satisfies Input<'selfTests.draw'>;
  // Every argument is checked before the vault opens (the control's id is filled in after).
  validateInput('sample', 'selfTests.draw', draw, FLAGS);
  const file = resolve(io.cwd, positionals[0]!);

  const { test, drew } = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file });
    const controls = (await rpc.call('controls.list', { search: ref, limit: 1000 })).items;
    const control = controls.find((c) => c.ref.toLowerCase() === ref.trim().toLowerCase());
    if (!control) {
      throw new AttestError('validation', `No control ${ref} in this vault (--control).`);
    }
    const tests = await rpc.call('selfTests.list', { controlId: control.id });
    const latest = tests.at(-1);
    if (latest && !values.new && values.seed === undefined && values.start === undefined) {
      return { test: await rpc.call('selfTests.get', { id: latest.id }), drew: false };
    }
    const drawn = await rpc.job(
      'selfTests.draw',
      { ...draw, controlId: control.id },
      `Drawing a sample for ${control.ref}`,
    );
    return { test: drawn, drew: true };
  });
  io.out(values.json ? JSON.stringify(test, null, 2) + '\n' : describe(test, drew));
  return EXIT_OK;
}

function describe(t: SelfTestDetail, drew: boolean): string {
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
  lines.push('');
  for (const i of t.items) {
    lines.push(`${String(i.position).padStart(3)}  ${i.date ?? '—'.padEnd(10)}  ${i.label}`);
  }
  lines.push('', `${t.result}.`);
  return lines.join('\n') + '\n';
}

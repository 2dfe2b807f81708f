import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Evidence, EvidenceAddResult } from '../../../shared/api/evidence';
import { AttestError } from '../../../shared/api/errors';
import type { Input } from '../../../shared/api/index';
import { parse, str } from '../args';
import { formatBytes } from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { type CliRpc, validateInput, withRpc } from '../rpc';

const SUBCOMMANDS =
  'give a subcommand: attest evidence add <vault> <path>... | add-link <vault> <url> | add-note <vault> <file.md> | list <vault>';

export async function evidenceCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') return addCommand(rest, io, signal);
  if (sub === 'list') return listCommand(rest, io, signal);
  if (sub === 'add-link' || sub === 'add-note') {
    const written = await import('./evidence-written');
    return (sub === 'add-link' ? written.addLinkCommand : written.addNoteCommand)(rest, io, signal);
  }
  throw new UsageError(
    `evidence: ${sub === undefined ? SUBCOMMANDS : `unknown subcommand "${sub}"; ${SUBCOMMANDS}`}`,
  );
}

const FLAGS: Record<string, string> = {
  sources: '<path>',
  performedOn: '--performed',
  'coverage.asOf': '--as-of',
  coverage: '--window',
  'coverage.window': '--window',
  controlIds: '--control',
  changeHistoryFor: '--change-history',
  requestIds: '--request',
};

export function coverageFrom(
  asOf: string | undefined,
  window: string | undefined,
  command = 'evidence add',
) {
  if (asOf !== undefined && window !== undefined)
    throw new UsageError(`${command}: give --as-of or --window, not both`);
  if (asOf !== undefined) return { asOf };
  if (window === undefined) return undefined;
  const [start, end, ...more] = window.split('..');
  if (!start || !end || more.length > 0)
    throw new UsageError(`${command}: --window is written FROM..TO, e.g. 2026-01-01..2026-03-31`);
  return { window: { start, end } };
}

async function addCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse('evidence add', args, {
    control: { type: 'string', multiple: true },
    // An automated control this is its configuration's change history of (linked too).
    'change-history': { type: 'string', multiple: true },
    request: { type: 'string', multiple: true },
    performed: { type: 'string' },
    'as-of': { type: 'string' },
    window: { type: 'string' },
  });
  if (positionals.length < 2)
    throw new UsageError(
      'evidence add: give a vault and at least one file or folder, e.g. attest evidence add acme.attest review.pdf',
    );
  const vaultPath = resolve(io.cwd, positionals[0]!);
  const paths = positionals.slice(1).map((p) => resolve(io.cwd, p));
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`evidence add: no file or folder at ${path}`);
  }
  const controlRefs = (values.control ?? []) as unknown as string[];
  const requestRefs = (values.request ?? []) as unknown as string[];
  const historyRefs = (values['change-history'] ?? []) as unknown as string[];
  const base = {
    sources: paths.map((path) => ({ path })),
    performedOn: str(values.performed),
    coverage: coverageFrom(str(values['as-of']), str(values.window)),
  } satisfies Input<'evidence.add'>;
  // Every argument is checked before any work starts (ids are filled in once the vault is open).
  validateInput('evidence add', 'evidence.add', base, FLAGS);

  const result = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file: vaultPath });
    const controlIds = await resolveRefs(rpc, 'control', controlRefs);
    const requestIds = await resolveRefs(rpc, 'request', requestRefs);
    const history = await resolveNamedRefs(rpc, 'control', historyRefs, '--change-history');
    const changeHistoryFor = history.map((h) => h.id);
    const label =
      paths.length === 1 ? `Storing ${positionals[1]}` : `Storing ${paths.length} paths`;
    const added = await rpc.job(
      'evidence.add',
      { ...base, controlIds, changeHistoryFor, requestIds },
      label,
    );
    return { added, historyOf: history.map((h) => h.ref) };
  });
  io.out(
    values.json
      ? JSON.stringify(result.added, null, 2) + '\n'
      : describeAdd(result.added, result.historyOf),
  );
  return EXIT_OK;
}

/** References as people write them (AC-01, PBC-14) to ids, through the lists' own search. */
export async function resolveRefs(
  rpc: CliRpc,
  kind: 'control' | 'request',
  refs: string[],
  flag = `--${kind}`,
): Promise<string[]> {
  return (await resolveNamedRefs(rpc, kind, refs, flag)).map((r) => r.id);
}

/** As `resolveRefs`, with each reference as the vault spells it (to say what was done). */
export async function resolveNamedRefs(
  rpc: CliRpc,
  kind: 'control' | 'request',
  refs: string[],
  flag = `--${kind}`,
): Promise<{ id: string; ref: string }[]> {
  const found: { id: string; ref: string }[] = [];
  for (const ref of refs) {
    const items =
      kind === 'control'
        ? (await rpc.call('controls.list', { search: ref, limit: 1000 })).items
        : (await rpc.call('requests.list', { search: ref, limit: 1000 })).items;
    const match = items.find((i) => i.ref.toLowerCase() === ref.trim().toLowerCase());
    if (!match) {
      throw new AttestError(
        'validation',
        `No ${kind} ${ref} in this vault (${flag}); see attest ${kind === 'control' ? 'info' : 'requests list'}.`,
      );
    }
    found.push({ id: match.id, ref: match.ref });
  }
  return found;
}

/** The line saying which controls' configuration change history an item was marked as. */
export function changeHistoryLine(refs: string[]): string | null {
  if (refs.length === 0) return null;
  return `Marked as the configuration change history of ${refs.join(', ')}.`;
}

function describeAdd(r: EvidenceAddResult, historyOf: string[]): string {
  const stored = r.added.length;
  const same = r.added.filter((a) => a.deduplicated).length;
  const refs =
    stored === 0
      ? ''
      : stored === 1
        ? ` as ${r.added[0]!.ref}`
        : ` as ${r.added[0]!.ref} to ${r.added.at(-1)!.ref}`;
  const lines = [
    `Added ${stored} file${stored === 1 ? '' : 's'} (${formatBytes(r.bytesTotal)})${refs}.`,
  ];
  if (same > 0)
    lines.push(
      `${same} ${same === 1 ? 'was' : 'were'} identical to a file already stored and ${same === 1 ? 'points' : 'point'} at it (stored once).`,
    );
  const history = r.added.length > 0 ? changeHistoryLine(historyOf) : null;
  if (history) lines.push(history);
  for (const s of r.skipped) lines.push(`Left out ${s.path}: ${s.reason}.`);
  return lines.join('\n') + '\n';
}

const PAGE = 1000;

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

async function listCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse('evidence list', args, {});
  if (positionals.length !== 1) throw new UsageError('evidence list: give exactly one vault path');
  const file = resolve(io.cwd, positionals[0]!);
  const { page, controlRefs } = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file });
    const items: Evidence[] = [];
    let cursor: string | undefined;
    let total: number;
    for (;;) {
      const p = await rpc.call('evidence.list', { limit: PAGE, cursor, includeSuperseded: true });
      items.push(...p.items);
      total = p.total;
      if (p.nextCursor === null) break;
      cursor = p.nextCursor;
    }
    const refs = new Map<string, string>();
    if (!values.json) {
      const controls = await rpc.call('controls.list', { limit: PAGE, includeArchived: true });
      for (const c of controls.items) refs.set(c.id, c.ref);
    }
    return { page: { items, nextCursor: null, total }, controlRefs: refs };
  });
  if (values.json) {
    io.out(JSON.stringify(page, null, 2) + '\n');
    return EXIT_OK;
  }
  if (page.items.length === 0) {
    io.out('No evidence yet; add files with attest evidence add.\n');
    return EXIT_OK;
  }
  const rows = page.items.map((e) => [
    e.ref,
    cut(e.supersededById ? `${e.title} (superseded)` : e.title, 50),
    e.performedOn ?? '—',
    e.window ? `${e.window.start}..${e.window.end}` : (e.asOf ?? '—'),
    e.reviewedOn ? `reviewed ${e.reviewedOn}` : 'not reviewed',
    e.controlIds.map((id) => controlRefs.get(id) ?? id).join(' ') || '—',
    e.file
      ? formatBytes(e.file.size)
      : e.kind === 'link'
        ? 'link'
        : e.kind === 'note'
          ? 'note'
          : '—',
  ]);
  const header = ['Ref', 'Title', 'Performed', 'For', 'Review', 'Controls', 'Size'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (r: string[]) =>
    r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  io.out(
    [format(header), ...rows.map(format)].join('\n') +
      `\n${page.items.length} item${page.items.length === 1 ? '' : 's'}\n`,
  );
  return EXIT_OK;
}

import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AttestError, isAttestError } from '../../../shared/api/errors';
import type { AuditRequest, ImportSummary, RequestMapping } from '../../../shared/api/requests';
import {
  REQUEST_FIELDS,
  REQUEST_STATUS_LABELS,
  type RequestField,
} from '../../../shared/domain/requests';
import type { DateOrder } from '../../../shared/domain/requests-dates';
import type { Input } from '../../../shared/api/index';
import { parse, str } from '../args';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { type CliRpc, withRpc } from '../rpc';

const SUBCOMMANDS = 'give a subcommand: attest requests import <vault> <file> | list <vault>';

export async function requestsCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return importCommand(rest, io, signal);
  if (sub === 'list') return listCommand(rest, io, signal);
  throw new UsageError(
    `requests: ${sub === undefined ? SUBCOMMANDS : `unknown subcommand "${sub}"; ${SUBCOMMANDS}`}`,
  );
}

/** One `--map "<header>=<field>"`; the field `none` keeps the column as an extra column. */
interface MapOverride {
  header: string;
  field: RequestField | 'none';
}

function parseMap(text: string): MapOverride {
  const at = text.lastIndexOf('=');
  const header = text.slice(0, Math.max(at, 0)).trim();
  const field = text.slice(at + 1).trim();
  if (at < 0 || !header) {
    throw new UsageError(`requests import: --map "${text}": write it as "<header>=<field>"`);
  }
  if (field !== 'none' && !(REQUEST_FIELDS as readonly string[]).includes(field)) {
    throw new UsageError(
      `requests import: --map "${text}": the field must be one of ${REQUEST_FIELDS.join(', ')}, or none`,
    );
  }
  return { header, field: field as MapOverride['field'] };
}

/** The guess with the user's corrections: a header moves to its new field, or out of all. */
function withOverrides(
  base: Partial<RequestMapping>,
  overrides: MapOverride[],
): Partial<RequestMapping> {
  const mapping: Partial<Record<RequestField, string>> = { ...base };
  for (const { header, field } of overrides) {
    for (const f of REQUEST_FIELDS) {
      if (mapping[f]?.toLowerCase() === header.toLowerCase()) delete mapping[f];
    }
    if (field !== 'none') mapping[field] = header;
  }
  return mapping;
}

async function importCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse('requests import', args, {
    map: { type: 'string', multiple: true },
    'date-order': { type: 'string' },
  });
  if (positionals.length !== 2)
    throw new UsageError(
      'requests import: give a vault and a file, e.g. attest requests import acme.attest pbc.xlsx',
    );
  const overrides = ((values.map ?? []) as unknown as string[]).map(parseMap);
  const fields = overrides.map((o) => o.field).filter((f) => f !== 'none');
  const twice = fields.find((f, i) => fields.indexOf(f) !== i);
  if (twice) throw new UsageError(`requests import: --map gives ${twice} twice`);
  const dateOrder = str(values['date-order']);
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy')
    throw new UsageError('requests import: --date-order is dmy (31/03/2026) or mdy (03/31/2026)');
  const vaultPath = resolve(io.cwd, positionals[0]!);
  const filePath = resolve(io.cwd, positionals[1]!);
  if (!existsSync(filePath) || !statSync(filePath).isFile())
    throw new UsageError(`requests import: no file at ${filePath}`);

  const request = {
    source: { path: filePath },
    fileName: basename(filePath),
    dateOrder: dateOrder as DateOrder | undefined,
  };
  const summary = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file: vaultPath });
    const mapping = await chooseMapping(rpc, request, overrides);
    return rpc.job('requests.import', { ...request, mapping }, `Importing ${request.fileName}`);
  });
  io.out(values.json ? JSON.stringify(summary, null, 2) + '\n' : describeImport(summary));
  return EXIT_OK;
}

async function chooseMapping(
  rpc: CliRpc,
  request: Omit<Input<'requests.previewImport'>, 'mapping'>,
  overrides: MapOverride[],
): Promise<RequestMapping> {
  let guessed: Partial<RequestMapping> = {};
  try {
    guessed = (await rpc.call('requests.previewImport', request)).mapping;
  } catch (e) {
    // Without a request-number column the guess fails; a --map naming one can still rescue it.
    if (!isNoRefColumn(e)) throw e;
    if (!overrides.some((o) => o.field === 'ref'))
      throw new AttestError('validation', `${e.message} Name it with --map "<header>=ref".`);
  }
  const mapping = withOverrides(guessed, overrides);
  if (!mapping.ref)
    throw new UsageError('requests import: no column is mapped to ref; add --map "<header>=ref"');
  return mapping as RequestMapping;
}

function isNoRefColumn(e: unknown): e is AttestError {
  const first = isAttestError(e) && Array.isArray(e.details) ? e.details[0] : undefined;
  return (first as { path?: string[] } | undefined)?.path?.join('.') === 'mapping.ref';
}

const quoted = (h: string) => (h ? `"${h}"` : '(no header)');

function describeImport(s: ImportSummary): string {
  const lines = [
    `Imported ${s.fileName}${s.sheet ? ` (sheet "${s.sheet}")` : ''}, headers on row ${s.headerRow}`,
    `  ${s.counts.new} new · ${s.counts.updated} updated · ${s.counts.unchanged} unchanged · ${s.counts.skipped} skipped`,
    `  Columns: ${REQUEST_FIELDS.filter((f) => s.mapping[f])
      .map((f) => `${f} ← ${quoted(s.mapping[f]!)}`)
      .join(', ')}`,
    s.unplacedHeaders.length > 0
      ? `  Not placed (kept as the auditor's columns): ${s.unplacedHeaders.map(quoted).join(', ')}`
      : '  Every column was placed',
    `  Dates: ${s.dateOrder.order === 'dmy' ? 'day/month' : 'month/day'} (${s.dateOrder.source === 'file' ? 'decided from the file' : s.dateOrder.source === 'given' ? 'as given' : 'default; use --date-order if that is wrong'})`,
    ...s.warnings.map((w) => `Warning: ${w}`),
  ];
  if (s.problems.length > 0) {
    lines.push(`${s.problems.length} row problem${s.problems.length === 1 ? '' : 's'}:`);
    for (const p of s.problems) {
      const where = p.column ? ` ${quoted(p.column)}` : '';
      lines.push(
        `  row ${p.row}${where}: ${p.severity === 'error' ? 'not imported — ' : ''}${p.message}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

async function listCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse('requests list', args, {});
  if (positionals.length !== 1) throw new UsageError('requests list: give exactly one vault path');
  const file = resolve(io.cwd, positionals[0]!);
  const { page, names } = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file });
    const page = await allPages((cursor) => rpc.call('requests.list', { limit: PAGE, cursor }));
    if (values.json) return { page, names: new Map<string, string>() };
    const people = await allPages((cursor) =>
      rpc.call('people.list', { limit: PAGE, cursor, includeArchived: true }),
    );
    return { page, names: new Map(people.items.map((p) => [p.id, p.name])) };
  });
  if (values.json) {
    io.out(JSON.stringify(page, null, 2) + '\n');
    return EXIT_OK;
  }
  io.out(
    page.items.length === 0
      ? 'No requests yet; import the auditor’s list with attest requests import.\n'
      : listTable(page.items, names),
  );
  return EXIT_OK;
}

/** The contract's largest page. */
const PAGE = 1000;

/** Every page of a list, as one page: all the items, no next cursor, the total of the first. */
async function allPages<T>(
  read: (
    cursor: string | undefined,
  ) => Promise<{ items: T[]; nextCursor: string | null; total: number }>,
): Promise<{ items: T[]; nextCursor: null; total: number }> {
  const first = await read(undefined);
  const items = [...first.items];
  for (let cursor = first.nextCursor; cursor !== null;) {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return { items, nextCursor: null, total: first.total };
}

function listTable(items: AuditRequest[], names: Map<string, string>): string {
  const cut = (text: string, max: number) => {
    const line = text.split('\n')[0]!;
    return line.length > max || text.includes('\n') ? `${line.slice(0, max - 1)}…` : line;
  };
  const rows = items.map((r) => [
    r.ref,
    REQUEST_STATUS_LABELS[r.status],
    r.ownerId ? (names.get(r.ownerId) ?? '') : r.ownerText ? `(${r.ownerText})` : '—',
    r.dueOn ? `${r.dueOn}${r.overdue ? ' overdue' : ''}` : '—',
    r.wave ?? '—',
    cut(r.description, 60),
  ]);
  const header = ['Ref', 'Status', 'Owner', 'Due', 'Wave', 'Description'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (r: string[]) =>
    r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return (
    [format(header), ...rows.map(format)].join('\n') +
    `\n${items.length} request${items.length === 1 ? '' : 's'}\n`
  );
}

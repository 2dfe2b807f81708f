import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { NOTE_MAX, type Evidence } from '../../../shared/api/evidence';
import type { Input } from '../../../shared/api/index';
import { parse, str } from '../args';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { type CliRpc, validateInput, withRpc } from '../rpc';
import { changeHistoryLine, coverageFrom, resolveNamedRefs, resolveRefs } from './evidence';

/**
 * `attest evidence add-link` and `add-note` (D1 item 1): evidence with no file of its own — a
 * web address (a ticket, a dashboard; never fetched) or a written note in Markdown — with the
 * same links and dates as `evidence add`.
 */
const ITEM_OPTIONS = {
  title: { type: 'string' },
  control: { type: 'string', multiple: true },
  'change-history': { type: 'string', multiple: true },
  request: { type: 'string', multiple: true },
  performed: { type: 'string' },
  'as-of': { type: 'string' },
  window: { type: 'string' },
} as const;

const FLAGS: Record<string, string> = {
  url: '<url>',
  title: '--title',
  body: '--text',
  performedOn: '--performed',
  'coverage.asOf': '--as-of',
  coverage: '--window',
  'coverage.window': '--window',
  controlIds: '--control',
  changeHistoryFor: '--change-history',
  requestIds: '--request',
};

type ItemValues = Record<string, string | boolean | undefined>;

function itemFields(command: string, values: ItemValues) {
  return {
    performedOn: str(values.performed),
    coverage: coverageFrom(str(values['as-of']), str(values.window), command),
  };
}

const refsOf = (values: ItemValues, key: 'control' | 'request' | 'change-history') =>
  (values[key] ?? []) as unknown as string[];

export async function addLinkCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('evidence add-link', args, ITEM_OPTIONS);
  if (positionals.length !== 2) {
    throw new UsageError(
      'evidence add-link: give a vault and one web address, e.g. attest evidence add-link acme.attest https://tickets.example.com/SEC-42 --title "Offboarding ticket"',
    );
  }
  const input = {
    url: positionals[1]!,
    title: str(values.title) ?? '',
    ...itemFields('evidence add-link', values),
  } satisfies Input<'evidence.addLink'>;
  validateInput('evidence add-link', 'evidence.addLink', input, FLAGS);
  const vaultPath = resolve(io.cwd, positionals[0]!);
  const item = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file: vaultPath });
    const controlIds = await resolveRefs(rpc, 'control', refsOf(values, 'control'));
    const requestIds = await resolveRefs(rpc, 'request', refsOf(values, 'request'));
    const history = await historyRefs(rpc, values);
    const changeHistoryFor = history.map((h) => h.id);
    const added = await rpc.call('evidence.addLink', {
      ...input,
      controlIds,
      changeHistoryFor,
      requestIds,
    });
    return { added, historyOf: history.map((h) => h.ref) };
  });
  io.out(
    values.json
      ? JSON.stringify(item.added, null, 2) + '\n'
      : described(item.added, item.historyOf),
  );
  return EXIT_OK;
}

export async function addNoteCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('evidence add-note', args, {
    ...ITEM_OPTIONS,
    text: { type: 'string' },
  });
  const usage =
    'evidence add-note: give a vault and a Markdown file, or --text, e.g. attest evidence add-note acme.attest inquiry.md --title "Inquiry with the CTO"';
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError(usage);
  const file = positionals[1] === undefined ? undefined : resolve(io.cwd, positionals[1]);
  const text = str(values.text);
  if ((file === undefined) === (text === undefined)) {
    throw new UsageError(`${usage} (one of the two, not both)`);
  }
  const body = text ?? readNote(file!);
  const input = {
    title: str(values.title) ?? titleOf(body, file),
    body,
    ...itemFields('evidence add-note', values),
  } satisfies Input<'evidence.addNote'>;
  validateInput('evidence add-note', 'evidence.addNote', input, {
    ...FLAGS,
    body: file === undefined ? '--text' : basename(file),
  });
  const vaultPath = resolve(io.cwd, positionals[0]!);
  const item = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file: vaultPath });
    const controlIds = await resolveRefs(rpc, 'control', refsOf(values, 'control'));
    const requestIds = await resolveRefs(rpc, 'request', refsOf(values, 'request'));
    const history = await historyRefs(rpc, values);
    const changeHistoryFor = history.map((h) => h.id);
    const added = await rpc.call('evidence.addNote', {
      ...input,
      controlIds,
      changeHistoryFor,
      requestIds,
    });
    return { added, historyOf: history.map((h) => h.ref) };
  });
  io.out(
    values.json
      ? JSON.stringify(item.added, null, 2) + '\n'
      : described(item.added, item.historyOf),
  );
  return EXIT_OK;
}

/** A note file's text; refused before reading when it could not be a note (too big, a folder). */
function readNote(path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st?.isFile()) throw new UsageError(`evidence add-note: no file at ${path}`);
  // UTF-8 takes up to 4 bytes a character: anything larger cannot fit the note's limit.
  if (st.size > NOTE_MAX * 4) {
    throw new UsageError(
      `evidence add-note: ${basename(path)} is too large for a note; add it as a file with attest evidence add`,
    );
  }
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

/** Without --title: the note's first heading, else the file's name without its extension. */
function titleOf(body: string, file: string | undefined): string {
  const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body)?.[1];
  if (heading) return heading.slice(0, 300);
  return file ? basename(file, extname(file)).slice(0, 300) : '';
}

/** The controls `--change-history` names, as the vault spells them. */
const historyRefs = (rpc: CliRpc, values: ItemValues) =>
  resolveNamedRefs(rpc, 'control', refsOf(values, 'change-history'), '--change-history');

function described(e: Evidence, historyOf: string[]): string {
  const what = e.kind === 'link' ? `the link ${e.url}` : 'the note';
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const links = [
    e.controlIds.length > 0 ? count(e.controlIds.length, 'control') : null,
    e.requestIds.length > 0 ? count(e.requestIds.length, 'request') : null,
  ].filter((x) => x !== null);
  const history = changeHistoryLine(historyOf);
  return `Added ${what} as ${e.ref} “${e.title}”${links.length > 0 ? `, linked to ${links.join(' and ')}` : ''}.\n${history ? `${history}\n` : ''}`;
}

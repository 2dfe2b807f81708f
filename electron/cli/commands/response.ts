import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAttestError } from '../../../shared/api/errors';
import type { ResponseImportResult } from '../../../shared/api/auditor-response';
import { type ResponseItem, unsignedLabel } from '../../../shared/domain/auditor/response';
import { attributionOf } from '../../core/auditor/import-response';
import { type ReadResponse, readResponseFromPath } from '../../core/auditor/signature';
import { parse } from '../args';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io';
import { withRpc } from '../rpc';

const SUBCOMMANDS =
  'give a subcommand: attest response import <vault> <response-file> | show <response-file>';

/** A response refused for what it says: its package, its signature, what it names. */
const REFUSALS = new Set<string>(['integrity', 'conflict', 'not_found']);

/**
 * `attest response import|show`: the auditor's response to a package (issue 21 item 2). A
 * response refused for its content — another package, a signature that fails — exits 1; one that
 * is not a response at all exits 2, like a file that is not a vault.
 */
export async function responseCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'import') return await importCommand(rest, io, signal);
    if (sub === 'show') return showCommand(rest, io);
  } catch (e) {
    if (isAttestError(e) && REFUSALS.has(e.code)) {
      io.err(`attest response ${sub}: ${e.message}\n`);
      return EXIT_PROBLEMS;
    }
    throw e;
  }
  throw new UsageError(
    `response: ${sub === undefined ? SUBCOMMANDS : `unknown subcommand "${sub}"; ${SUBCOMMANDS}`}`,
  );
}

function existingFile(io: CliIo, arg: string, command: string): string {
  const path = resolve(io.cwd, arg);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new UsageError(`${command}: no file at ${path}`);
  return path;
}

async function importCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse('response import', args, {});
  if (positionals.length !== 2)
    throw new UsageError(
      'response import: give a vault and a response file, e.g. attest response import acme.attest response.json',
    );
  const vaultPath = resolve(io.cwd, positionals[0]!);
  if (!existsSync(vaultPath)) throw new UsageError(`response import: no vault at ${vaultPath}`);
  const file = existingFile(io, positionals[1]!, 'response import');
  const result = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file: vaultPath });
    return rpc.call('requests.importResponse', { source: { path: file } });
  });
  io.out(values.json ? `${JSON.stringify(result, null, 2)}\n` : describeImport(result));
  return EXIT_OK;
}

function showCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse('response show', args, {});
  if (positionals.length !== 1)
    throw new UsageError(
      'response show: give one response file, e.g. attest response show response.json',
    );
  const read = readResponseFromPath(existingFile(io, positionals[0]!, 'response show'));
  io.out(values.json ? `${JSON.stringify(showJson(read), null, 2)}\n` : describeResponse(read));
  return EXIT_OK;
}

function signerLines(fingerprint: string | null, firm: string): string[] {
  return fingerprint
    ? [
        `Signed by the auditor key ${fingerprint}`,
        'Confirm this fingerprint with the auditor by another channel (a call, not this email).',
      ]
    : [`Not signed: treated as ${unsignedLabel(firm)}.`];
}

function showJson(read: ReadResponse) {
  return {
    ...read.response,
    fingerprint: read.signer.signed ? read.signer.fingerprint : null,
    attribution: attributionOf(read),
  };
}

function describeItem(item: ResponseItem): string {
  switch (item.kind) {
    case 'status':
      return `status   ${item.requestRef}: ${item.status === 'accepted' ? 'accepted' : 'follow-up'}`;
    case 'comment':
      return `comment  ${item.requestRef ?? item.evidenceId}: ${item.body.split('\n')[0]}`;
    case 'request':
      return `request  ${item.title}${item.dueOn ? ` (due ${item.dueOn})` : ''}`;
    case 'sample':
      return `sample   ${item.populationId}: ${item.rowKeys.join(', ')}`;
  }
}

function describeResponse(read: ReadResponse): string {
  const r = read.response;
  const fingerprint = read.signer.signed ? read.signer.fingerprint : null;
  return [
    `Response from ${r.auditor.name} (${r.auditor.firm})${r.auditor.email ? ` <${r.auditor.email}>` : ''}, saved ${r.createdAt}`,
    `For the package of “${r.package.engagement}” (manifest ${r.package.manifestSha256})`,
    ...signerLines(fingerprint, r.auditor.firm),
    `${r.items.length} item${r.items.length === 1 ? '' : 's'}:`,
    ...r.items.map((i) => `  ${describeItem(i)}`),
    '',
  ].join('\n');
}

function describeImport(result: ResponseImportResult): string {
  const lines = [
    `Response from ${result.auditor.name} (${result.auditor.firm}) for “${result.engagement}”`,
    ...signerLines(result.fingerprint, result.auditor.firm),
  ];
  if (result.alreadyImported) {
    lines.push(
      `Already imported: all ${result.itemsAlreadyImported} items were imported before. Nothing changed.`,
    );
  } else {
    lines.push(
      `Imported ${result.itemsApplied} item${result.itemsApplied === 1 ? '' : 's'}${result.itemsAlreadyImported > 0 ? ` (${result.itemsAlreadyImported} imported before were skipped)` : ''}:`,
      ...result.changes.map((c) => `  ${c.message}`),
      'Auditor statuses are the auditor’s view of each request; they do not count towards readiness.',
    );
  }
  return `${lines.join('\n')}\n`;
}

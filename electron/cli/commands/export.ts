import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Input } from '../../../shared/api/index';
import { PACKAGE_CATEGORIES } from '../../../shared/api/package';
import { parse, str } from '../args';
import { formatBytes } from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { validateInput, withRpc } from '../rpc';

const FLAGS: Record<string, string> = {
  categories: '--categories',
  saveTo: '--out',
  'saveTo.path': '--out',
  since: '--since',
  'since.path': '--since',
};

/**
 * `attest export <vault> --out <package.zip> [--since <earlier.zip>]`: the audit package of
 * DESIGN §6, what the Export step writes; with `--since`, a delta of what is new or changed
 * since an earlier package of this vault (verified first). Written beside the destination and
 * renamed once whole; Ctrl+C leaves nothing.
 */
export async function exportCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('export', args, {
    out: { type: 'string' },
    categories: { type: 'string' },
    'approved-policies-only': { type: 'boolean' },
    'reviewed-evidence-only': { type: 'boolean' },
    'include-internal': { type: 'boolean' },
    'by-request': { type: 'boolean' },
    since: { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new UsageError(
      'export: give exactly one vault, e.g. attest export acme.attest --out package.zip',
    );
  const outArg = str(values.out);
  if (!outArg) throw new UsageError('export: give --out <package.zip>, where to write the package');
  const vaultPath = resolve(io.cwd, positionals[0]!);
  if (!existsSync(vaultPath)) throw new UsageError(`export: no vault at ${vaultPath}`);
  const out = resolve(io.cwd, outArg);
  if (!statSync(dirname(out), { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--out: the folder ${dirname(out)} does not exist`);
  if (out === vaultPath)
    throw new UsageError('--out: that is the vault itself; choose another name');
  const sinceArg = str(values.since);
  if (values.since !== undefined && !sinceArg)
    throw new UsageError('--since: give the earlier package, e.g. --since wave1.zip');
  const since = sinceArg ? resolve(io.cwd, sinceArg) : null;
  if (since && !statSync(since, { throwIfNoEntry: false })?.isFile())
    throw new UsageError(`--since: no package at ${since}`);
  if (since === out)
    throw new UsageError('--since: that is where the new package goes; choose another --out');
  const categories = str(values.categories)
    ?.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const input = {
    ...(categories ? { categories } : {}),
    approvedPoliciesOnly: values['approved-policies-only'] === true,
    reviewedEvidenceOnly: values['reviewed-evidence-only'] === true,
    internal: values['include-internal'] === true,
    byRequest: values['by-request'] === true,
    ...(since ? { since: { path: since } } : {}),
    saveTo: { path: out },
  } as Input<'package.export'>;
  // Every argument is checked before any work starts.
  try {
    validateInput('export', 'package.export', input, FLAGS);
  } catch (e) {
    if (e instanceof UsageError && /--categories/.test(e.message))
      throw new UsageError(`${e.message}\n  (the parts are: ${PACKAGE_CATEGORIES.join(', ')})`);
    throw e;
  }

  const result = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file: vaultPath });
    return rpc.job('package.export', input, 'Exporting');
  });
  if (values.json) io.out(JSON.stringify(result, null, 2) + '\n');
  else
    io.out(
      `Exported ${result.savedTo}: ${result.files} files, ${formatBytes(result.size)}.\n` +
        (result.delta
          ? `A delta of ${basename(since!)}: ${result.delta.new} new, ${result.delta.changed} changed, ${result.delta.unchanged} unchanged (left out), ${result.delta.removed} removed since.\n`
          : '') +
        `Key fingerprint: ${result.fingerprint}\n` +
        'Send the fingerprint to the auditor by another channel (a call, a separate message): the one inside the package is for comparison only.\n',
    );
  return EXIT_OK;
}

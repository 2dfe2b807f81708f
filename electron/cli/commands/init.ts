import { resolve } from 'node:path';
import type { Engagement } from '../../../shared/api/vault';
import { CATEGORIES, type Category } from '../../../shared/domain/engagement';
import { periodLengthWarning } from '../../../shared/domain/report-period';
import { parse, str } from '../args';
import { describeCategories, describeReport, formatFingerprint, table } from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { validateInput, withRpc } from '../rpc';

const FLAGS: Record<string, string> = {
  file: 'the vault path',
  'engagement.name': '--name',
  'engagement.client': '--client',
  'engagement.reportType': '--type',
  'engagement.asOf': '--as-of',
  'engagement.period': '--period',
  'engagement.categories': '--categories',
};

export async function initCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse('init', args, {
    name: { type: 'string' },
    client: { type: 'string' },
    type: { type: 'string' },
    'as-of': { type: 'string' },
    period: { type: 'string' },
    categories: { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new UsageError(
      'init: give exactly one vault path, e.g. attest init acme.attest --name "Acme SOC 2"',
    );
  if (values.name === undefined)
    throw new UsageError('init: --name is required (the engagement name)');

  // Everything is validated before the file is created: a bad argument leaves nothing behind.
  const period = str(values.period);
  const categories = str(values.categories);
  const path = resolve(io.cwd, positionals[0]!);
  const input = {
    file: path,
    engagement: {
      name: str(values.name)!,
      client: str(values.client),
      reportType: (values.type ??
        (values.period ? 'type2' : values['as-of'] ? 'type1' : undefined)) as 'type1' | 'type2',
      asOf: str(values['as-of']),
      period: period === undefined ? undefined : parsePeriod(period),
      categories: categories === undefined ? undefined : parseCategories(categories),
    },
    // Scripted vaults start where the scoping wizard ends: criteria and controls in place, applied
    // while the vault is built, so an interrupted init leaves nothing under the name.
    confirmScope: true,
  };
  validateInput('init', 'vault.create', input, FLAGS);
  const info = await withRpc(io, signal, (rpc) => rpc.call('vault.create', input));
  if (values.json) {
    io.out(JSON.stringify(info, null, 2) + '\n');
  } else {
    io.out(`Created ${path}\n`);
    io.out(
      table([
        ['Engagement', info.engagement.name],
        ['Report', describeReport(info.engagement)],
        ['Categories', describeCategories(info.engagement)],
        [
          'Scope',
          `${info.scope.criteria.length} criteria, ${info.scope.controls.length} controls (catalog ${info.engagement.catalogVersion})`,
        ],
        ['Fingerprint', formatFingerprint(info.fingerprint)],
      ]),
    );
  }
  for (const warning of warnings(info.engagement)) io.err(`attest init: warning: ${warning}\n`);
  return EXIT_OK;
}

/** What is allowed but worth a second look, said on stderr so --json output stays clean. */
function warnings(e: Engagement): string[] {
  if (e.reportType === 'type1')
    return e.asOf ? [] : ['no as-of date yet; set it in Scope → Report type, or pass --as-of.'];
  if (!e.period) return ['no period yet; set it in Scope → Report type, or pass --period.'];
  const length = periodLengthWarning(e.period.start, e.period.end);
  return length ? [length] : [];
}

function parsePeriod(text: string): { start: string; end: string } {
  const m = /^(.+?)\.\.(.+)$/.exec(text.trim());
  if (!m)
    throw new UsageError(`init: --period: write it as YYYY-MM-DD..YYYY-MM-DD (got "${text}")`);
  return { start: m[1]!.trim(), end: m[2]!.trim() };
}

function parseCategories(text: string): Category[] {
  const names = text
    .split(',')
    .map((s) =>
      s
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    )
    .filter(Boolean);
  const unknown = names.filter((n) => !(CATEGORIES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `init: --categories: unknown ${unknown.length === 1 ? 'category' : 'categories'} ${unknown.map((u) => `"${u}"`).join(', ')}; choose from ${CATEGORIES.join(', ')}`,
    );
  }
  return names as Category[];
}

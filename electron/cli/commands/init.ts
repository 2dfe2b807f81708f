import { resolve } from 'node:path';
import { engagementInput } from '../../../shared/api/vault';
import type { Engagement } from '../../../shared/api/vault';
import { CATEGORIES, type Category } from '../../../shared/domain/engagement';
import { periodLengthWarning } from '../../../shared/domain/report-period';
import { applyScope } from '../../core/scope/apply-scope';
import { closeVault, createVault } from '../../core/vault/session';
import { vaultInfo, formatFingerprint } from '../../core/vault/info';
import { attestHome } from '../../platform/home';
import { rememberRecent } from '../../platform/recent';
import { issuesToUsage, parse, str } from '../args';
import { describeCategories, describeReport, table } from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';

const FLAGS: Record<string, string> = {
  name: '--name',
  client: '--client',
  reportType: '--type',
  asOf: '--as-of',
  period: '--period',
  categories: '--categories',
};

export async function initCommand(args: string[], io: CliIo): Promise<number> {
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
  const input = engagementInput.safeParse({
    name: values.name,
    client: values.client,
    reportType: values.type ?? (values.period ? 'type2' : values['as-of'] ? 'type1' : undefined),
    asOf: values['as-of'],
    period: period === undefined ? undefined : parsePeriod(period),
    categories: categories === undefined ? undefined : parseCategories(categories),
  });
  if (!input.success) {
    throw issuesToUsage(
      'init',
      input.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      FLAGS,
    );
  }
  const path = resolve(io.cwd, positionals[0]!);
  // Scripted and demo vaults start where the scoping wizard ends: criteria and controls in place
  // (applied while the vault is built, so an interrupted init leaves nothing under the name).
  let scope: ReturnType<typeof applyScope> | undefined;
  const vault = await createVault(path, input.data, {
    app: 'attest init',
    populate: (building) => {
      scope = applyScope(building);
    },
  });
  try {
    const info = vaultInfo(vault);
    rememberRecent(attestHome(io.env), { path, name: info.engagement.name, openedAt: vault.now() });
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
            `${scope!.criteriaInScope} criteria, ${scope!.controlsInScope} controls (catalog ${scope!.catalogVersion})`,
          ],
          ['Fingerprint', formatFingerprint(info.fingerprint)],
        ]),
      );
    }
    for (const warning of warnings(info.engagement)) io.err(`attest init: warning: ${warning}\n`);
  } finally {
    closeVault(vault);
  }
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

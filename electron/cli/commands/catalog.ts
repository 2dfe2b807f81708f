import { CATEGORIES, CATEGORY_LABELS } from '../../../shared/domain/engagement';
import { DOMAINS, DOMAIN_LABELS, DOMAIN_PREFIXES } from '../../../shared/domain/catalog';
import { parse } from '../args';
import { catalogUpdateCommand } from './catalog-update';
import { table } from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { withRpc } from '../rpc';

/**
 * `attest catalog [--json]`: the shipped criteria, control library and policy template keys.
 * `attest catalog update <vault> [--apply]`: what this build's catalog changes in a vault.
 */
export async function catalogCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  if (args[0] === 'update') return catalogUpdateCommand(args.slice(1), io, signal);
  const { values, positionals } = parse('catalog', args, {});
  if (positionals.length > 0)
    throw new UsageError(
      `catalog: unknown argument "${positionals[0]}"; give --json, or: catalog update <vault>`,
    );
  const catalog = await withRpc(io, signal, (rpc) => rpc.call('catalog.get', {}));
  if (values.json) {
    io.out(JSON.stringify(catalog, null, 2) + '\n');
    return EXIT_OK;
  }

  const criteriaRows: [string, string][] = CATEGORIES.map((cat) => {
    const ids = catalog.criteria.filter((c) => c.category === cat).map((c) => c.id);
    return [CATEGORY_LABELS[cat], `${String(ids.length).padStart(3)}  ${ids[0]}–${ids.at(-1)}`];
  });
  const controlRows: [string, string][] = DOMAINS.map((d) => {
    const n = catalog.controls.filter((c) => c.domain === d).length;
    return [`${DOMAIN_PREFIXES[d].padEnd(4)}${DOMAIN_LABELS[d]}`, String(n).padStart(3)];
  });
  const policyRows: [string, string][] = catalog.policies.map((p) => [p.key, p.title]);

  io.out(
    `SOC 2 catalog ${catalog.version}\n\n` +
      `Criteria (${catalog.criteria.length})\n` +
      indent(table(criteriaRows)) +
      `\nControl library (${catalog.controls.length} controls)\n` +
      indent(table(controlRows)) +
      `\nPolicy templates (${catalog.policies.length})\n` +
      indent(table(policyRows)) +
      `\nThe full catalog, with every criterion and control: attest catalog --json\n`,
  );
  return EXIT_OK;
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '  ');
}

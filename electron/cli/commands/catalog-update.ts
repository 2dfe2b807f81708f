import { resolve } from 'node:path';
import {
  type CatalogUpdatePlan,
  type CatalogUpdateResult,
  LIBRARY_FIELD_LABELS,
} from '../../../shared/api/catalog-update';
import { parse } from '../args';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { withRpc } from '../rpc';

/**
 * `attest catalog update <vault> [--apply] [--json]`: shows what this build's catalog would
 * change in the vault; with `--apply`, applies it keeping every edit made in the vault (choosing
 * the library's text over an edit is done in the app, field by field).
 */
export async function catalogUpdateCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('catalog update', args, { apply: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('catalog update: give exactly one vault path');
  const file = resolve(io.cwd, positionals[0]!);
  const text = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file });
    const plan = await rpc.call('catalog.updatePlan', {});
    if (!values.apply || plan.status !== 'update_available') {
      return values.json ? JSON.stringify(plan, null, 2) + '\n' : describePlan(plan);
    }
    const result = await rpc.call('catalog.applyUpdate', { toVersion: plan.buildVersion });
    return values.json ? JSON.stringify(result, null, 2) + '\n' : describeResult(result);
  });
  io.out(text);
  return EXIT_OK;
}

function describePlan(plan: CatalogUpdatePlan): string {
  switch (plan.status) {
    case 'not_scoped':
      return `The scope is not confirmed yet: confirming it will use catalog ${plan.buildVersion}.\n`;
    case 'up_to_date':
      return `This vault uses catalog ${plan.vaultVersion}, the one this build ships. Nothing to update.\n`;
    case 'vault_newer':
      return `This vault uses catalog ${plan.vaultVersion}, newer than this build’s ${plan.buildVersion}. Update Attest.\n`;
    case 'update_available':
      break;
    default: {
      const unknown: never = plan.status;
      throw new Error(`Unknown status ${String(unknown)}`);
    }
  }
  const lines = [`Catalog update ${plan.vaultVersion} → ${plan.buildVersion}`, ''];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length})`, ...items.map((i) => `  ${i}`), '');
  };
  section(
    'New controls to add',
    plan.controls.added.map((c) => `${c.ref}  ${c.title}  [${c.criteria.join(', ')}]`),
  );
  section(
    'Controls whose library text changed',
    plan.controls.updated.map(
      (u) =>
        `${u.ref}  ${u.changes
          .map((c) => `${LIBRARY_FIELD_LABELS[c.field]}${c.edited ? ' (edited here: kept)' : ''}`)
          .join(', ')}`,
    ),
  );
  section(
    'Controls dropped from the library (kept as your own)',
    plan.controls.retired.map((c) => `${c.ref}  ${c.title}`),
  );
  section(
    'New criteria',
    plan.criteria.added.map((c) => `${c.id}  ${c.title}`),
  );
  section(
    'Criteria with new titles or guidance',
    plan.criteria.changed.map((c) => `${c.id}  ${c.title}`),
  );
  section(
    'Criteria no longer in the catalog (kept)',
    plan.criteria.removed.map((c) => `${c.id}  ${c.title}`),
  );
  lines.push(
    'Apply it with --apply (edits made in this vault are kept), or in the app: Scope → Catalog update.',
  );
  return lines.join('\n') + '\n';
}

function describeResult(r: CatalogUpdateResult): string {
  const parts = [
    `Catalog updated ${r.fromVersion} → ${r.toVersion}.`,
    `${count(r.controlsUpdated, 'control')} updated (${count(r.fieldsUpdated, 'field')}; ${count(r.editsKept, 'edit')} of yours kept).`,
  ];
  if (r.added.length) parts.push(`Added: ${r.added.join(', ')}.`);
  if (r.retired.length) parts.push(`Kept as your own: ${r.retired.join(', ')}.`);
  if (r.archived.length) parts.push(`Archived (no criterion in scope): ${r.archived.join(', ')}.`);
  if (r.restored.length) parts.push(`Restored: ${r.restored.join(', ')}.`);
  if (r.criteriaChanged || r.criteriaAdded)
    parts.push(
      `Criteria: ${count(r.criteriaChanged, 'criterion', 'criteria')} revised, ${r.criteriaAdded} added.`,
    );
  return parts.join('\n') + '\n';
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

import {
  type ApplyCatalogUpdateInput,
  type CatalogUpdatePlan,
  type CatalogUpdateResult,
  type LibraryField,
  applyCatalogUpdateInput,
} from '../../../shared/api/catalog-update';
import { AttestError, type ValidationIssue, validationError } from '../../../shared/api/errors';
import { type Catalog, isKeyFor } from '../../../shared/domain/catalog';
import { recordChange } from '../../db/audit';
import { linkId } from '../../db/audited';
import { run, tx } from '../../db/connection';
import {
  getControlRow,
  listControlRows,
  updateControlRow,
  updateCriterion,
} from '../../db/repos/controls';
import { ENGAGEMENT_ID, updateEngagement } from '../../db/repos/engagement';
import { replaceLinks } from '../../db/repos/links';
import type { ControlTable } from '../../db/schema';
import { syncScope } from '../scope/apply-scope';
import { setControlTemplatePolicy } from '../policies/policies';
import type { Vault } from '../vault/session';
import { loadCatalog } from './catalog';
import { columnsFor, libraryValues } from './library-fields';
import { planCatalogUpdate } from './update-plan';

/**
 * Applies this build's newer catalog, exactly as `planCatalogUpdate` showed it: criteria text
 * follows the catalog; each library control takes the library's new text for fields nobody
 * edited, keeps the vault's edits unless the user chose the library's text for that field
 * (`takeLibrary`), and remembers the new library text as its baseline; controls dropped from the
 * library stay as the vault's own; new library controls for in-scope criteria are instantiated
 * and changed mappings archive or restore controls as a re-scope would. One transaction, every
 * change in the audit log.
 */
export function applyCatalogUpdate(
  vault: Vault,
  input: ApplyCatalogUpdateInput,
  catalog: Catalog = loadCatalog(),
): CatalogUpdateResult {
  const { toVersion, takeLibrary } = applyCatalogUpdateInput.parse(input);
  return tx(vault.db, () => {
    const plan = planCatalogUpdate(vault, catalog);
    refuseUnlessAvailable(plan, toVersion);
    const taken = checkChoices(plan, takeLibrary);
    const now = vault.now();
    const to = catalog.version;

    for (const changed of plan.criteria.changed) {
      const c = catalog.criteria.find((x) => x.id === changed.id)!;
      updateCriterion(vault.db, c.id, {
        title: c.title,
        group_title: c.groupTitle,
        coso_principle: c.cosoPrinciple,
        guidance: JSON.stringify(c.guidance),
        updated_at: now,
      });
      recordChange(vault, {
        action: 'update',
        entity: 'criterion',
        entityId: c.id,
        payload: { catalogUpdate: { to, fields: changed.fields } },
      });
    }

    const counts = { fieldsUpdated: 0, editsKept: 0 };
    const updates = new Map(plan.controls.updated.map((u) => [u.id, u]));
    const library = new Map(catalog.controls.map((c) => [c.ref, c]));
    for (const row of listControlRows(vault.db, { includeArchived: true })) {
      if (row.source !== 'library' || !row.library_ref) continue;
      const lib = library.get(row.library_ref);
      if (!lib) continue; // retired below
      const baseline = JSON.stringify(libraryValues(lib));
      const changes = updates.get(row.id)?.changes ?? [];
      if (changes.length === 0 && row.library_baseline === baseline) continue;
      const cols: Partial<ControlTable> = { library_baseline: baseline };
      const fields: string[] = [];
      const keptEdits: string[] = [];
      let criteria: string[] | null = null;
      let policyKey: string | null = null;
      for (const change of changes) {
        if (change.edited && !taken.get(row.id)?.has(change.field)) {
          keptEdits.push(change.field);
          continue;
        }
        Object.assign(cols, columnsFor(change.field, change.library));
        if (change.field === 'criteria') criteria = change.library as string[];
        if (change.field === 'policyKey') policyKey = change.library as string;
        fields.push(change.field);
      }
      if (fields.length > 0) cols.updated_at = now;
      updateControlRow(vault.db, row.id, cols);
      recordChange(vault, {
        action: 'update',
        entity: 'control',
        entityId: row.id,
        payload: { catalogUpdate: { to, fields, keptEdits } },
      });
      if (criteria)
        replaceLinks(
          vault,
          'control_criterion',
          row.id,
          criteria,
          { catalogUpdate: { to } },
          (id) => isKeyFor(lib, id),
        );
      if (policyKey) setControlTemplatePolicy(vault, row.id, policyKey, { catalogUpdate: { to } });
      counts.fieldsUpdated += fields.length;
      counts.editsKept += keptEdits.length;
    }

    const roles = { rolesChanged: 0, rolesKept: 0 };
    for (const r of plan.controls.roles) {
      if (r.edited) {
        roles.rolesKept++;
        continue;
      }
      const { changes } = run(
        vault.db,
        vault.db.qb
          .updateTable('control_criterion')
          .set({ key: r.role === 'key' ? 1 : 0 })
          .where('control_id', '=', r.id)
          .where('criterion_id', '=', r.criterionId),
      );
      if (changes === 0) continue; // the link went with a new mapping above
      recordChange(vault, {
        action: 'update',
        entity: 'control_criterion',
        entityId: linkId(r.id, r.criterionId),
        payload: { role: r.role, catalogUpdate: { to } },
      });
      roles.rolesChanged++;
    }

    for (const retired of plan.controls.retired) {
      updateControlRow(vault.db, retired.id, {
        source: 'custom',
        library_ref: null,
        library_baseline: null,
        updated_at: now,
      });
      recordChange(vault, {
        action: 'update',
        entity: 'control',
        entityId: retired.id,
        payload: {
          catalogUpdate: { to, retiredFromLibrary: getControlRow(vault.db, retired.id)!.ref },
        },
      });
    }

    updateEngagement(vault.db, { catalog_version: to, updated_at: now });
    const scope = syncScope(vault, catalog, now);
    const result: CatalogUpdateResult = {
      fromVersion: plan.vaultVersion!,
      toVersion: to,
      criteriaAdded: plan.criteria.added.length,
      criteriaChanged: plan.criteria.changed.length,
      controlsUpdated: plan.controls.updated.length,
      ...counts,
      ...roles,
      added: scope.added,
      archived: scope.archived,
      restored: scope.restored,
      retired: plan.controls.retired.map((c) => c.ref),
    };
    recordChange(vault, {
      action: 'update',
      entity: 'engagement',
      entityId: ENGAGEMENT_ID,
      payload: { catalogUpdated: result },
    });
    return result;
  });
}

function refuseUnlessAvailable(plan: CatalogUpdatePlan, toVersion: string): void {
  switch (plan.status) {
    case 'update_available':
      break;
    case 'not_scoped':
      throw new AttestError(
        'conflict',
        'This vault’s scope is not confirmed yet; confirming it uses this build’s catalog.',
      );
    case 'up_to_date':
      throw new AttestError('conflict', `This vault already uses catalog ${plan.buildVersion}.`);
    case 'vault_newer':
      throw new AttestError(
        'conflict',
        `This vault uses catalog ${plan.vaultVersion}, newer than this build’s ${plan.buildVersion}. Update Attest instead.`,
      );
    default: {
      const unknown: never = plan.status;
      throw new Error(`Unknown catalog update status ${String(unknown)}`);
    }
  }
  if (toVersion !== plan.buildVersion)
    throw new AttestError(
      'conflict',
      `You reviewed catalog ${toVersion}, but this build applies ${plan.buildVersion}. Review the update again.`,
    );
}

/** The user's choices, each naming an edited field the plan lists; anything else is refused. */
function checkChoices(
  plan: CatalogUpdatePlan,
  choices: { controlId: string; fields: LibraryField[] }[],
): Map<string, Set<string>> {
  const byId = new Map(plan.controls.updated.map((u) => [u.id, u]));
  const issues: ValidationIssue[] = [];
  const taken = new Map<string, Set<string>>();
  choices.forEach((choice, i) => {
    const update = byId.get(choice.controlId);
    if (!update) {
      issues.push({
        path: ['takeLibrary', String(i), 'controlId'],
        message: `Control ${choice.controlId} has no library change in this update`,
      });
      return;
    }
    const edited = new Set(update.changes.filter((c) => c.edited).map((c) => c.field));
    for (const field of choice.fields) {
      if (!edited.has(field))
        issues.push({
          path: ['takeLibrary', String(i), 'fields'],
          message: `${update.ref}: ${field} is not an edited field with a library change`,
        });
    }
    taken.set(choice.controlId, new Set(choice.fields));
  });
  if (issues.length > 0) throw validationError(issues);
  return taken;
}

import {
  type CatalogUpdatePlan,
  type ControlFieldChange,
  LIBRARY_FIELDS,
  type LibraryField,
} from '../../../shared/api/catalog-update';
import { AttestError } from '../../../shared/api/errors';
import { type Catalog, compareCatalogVersions, isKeyFor } from '../../../shared/domain/catalog';
import type { Category } from '../../../shared/domain/engagement';
import { all } from '../../db/connection';
import { listControlRows, listCriterionRows } from '../../db/repos/controls';
import { getEngagementRow } from '../../db/repos/engagement';
import { criterionRolesOf } from '../../db/repos/links';
import type { ControlTable, CriterionTable } from '../../db/schema';
import { getControl } from '../scope/controls';
import type { Vault } from '../vault/session';
import { loadCatalog } from './catalog';
import { baselineValues, currentValues, libraryValues, sameValue } from './library-fields';

const emptyPlan = (
  status: CatalogUpdatePlan['status'],
  vaultVersion: string | null,
  buildVersion: string,
): CatalogUpdatePlan => ({
  status,
  vaultVersion,
  buildVersion,
  criteria: { added: [], changed: [], removed: [] },
  controls: { added: [], updated: [], retired: [], roles: [] },
});

/**
 * What applying `catalog` would change in the vault, computed without changing anything.
 *
 * For each library control the comparison is three-way: the library's text as the control last
 * took it (its baseline), the vault's current text and the new library text. A field appears only
 * when the library changed it; it is "edited" when the vault's text differs from the baseline.
 * Controls scoped before baselines existed fall back to the audit log: a field someone updated is
 * edited, any other field still holds the library text it was created with.
 */
export function planCatalogUpdate(
  vault: Vault,
  catalog: Catalog = loadCatalog(),
): CatalogUpdatePlan {
  const engagement = getEngagementRow(vault.db);
  if (!engagement) throw new AttestError('not_found', 'This vault has no engagement recorded');
  const recorded = engagement.catalog_version;
  if (!recorded) return emptyPlan('not_scoped', null, catalog.version);
  const order = compareCatalogVersions(recorded, catalog.version);
  if (order === 0) return emptyPlan('up_to_date', recorded, catalog.version);
  if (order > 0) return emptyPlan('vault_newer', recorded, catalog.version);

  const plan = emptyPlan('update_available', recorded, catalog.version);
  const inScope = new Set(JSON.parse(engagement.categories) as Category[]);
  planCriteria(plan, listCriterionRows(vault.db), catalog, inScope);

  const controls = listControlRows(vault.db, { includeArchived: true });
  const library = new Map(catalog.controls.map((c) => [c.ref, c]));
  const roles = criterionRolesOf(vault.db);
  const userSetRoles = rolesSetByUsers(vault);
  const instantiated = new Set<string>();
  for (const row of controls) {
    if (row.source !== 'library' || !row.library_ref) continue;
    instantiated.add(row.library_ref);
    const lib = library.get(row.library_ref);
    if (!lib) {
      plan.controls.retired.push({ id: row.id, ref: row.ref, title: row.title });
      continue;
    }
    const changes = fieldChanges(vault, row, libraryValues(lib));
    if (changes.length > 0)
      plan.controls.updated.push({ id: row.id, ref: row.ref, title: row.title, changes });
    for (const [criterionId, key] of roles.get(row.id) ?? []) {
      if (!lib.criteria.includes(criterionId) || isKeyFor(lib, criterionId) === key) continue;
      plan.controls.roles.push({
        id: row.id,
        ref: row.ref,
        title: row.title,
        criterionId,
        role: key ? 'supporting' : 'key',
        edited: userSetRoles.has(`${row.id}|${criterionId}`),
      });
    }
  }
  for (const lib of catalog.controls) {
    if (!instantiated.has(lib.ref) && lib.categories.some((c) => inScope.has(c)))
      plan.controls.added.push({ ref: lib.ref, title: lib.title, criteria: [...lib.criteria] });
  }
  return plan;
}

function planCriteria(
  plan: CatalogUpdatePlan,
  rows: CriterionTable[],
  catalog: Catalog,
  inScope: Set<Category>,
): void {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const c of catalog.criteria) {
    const row = byId.get(c.id);
    if (!row) {
      plan.criteria.added.push({ id: c.id, title: c.title, inScope: inScope.has(c.category) });
      continue;
    }
    const fields: string[] = [];
    if (row.title !== c.title) fields.push('title');
    if (row.group_title !== c.groupTitle) fields.push('groupTitle');
    if (row.coso_principle !== c.cosoPrinciple) fields.push('cosoPrinciple');
    if (row.guidance !== JSON.stringify(c.guidance)) fields.push('guidance');
    if (fields.length > 0) plan.criteria.changed.push({ id: c.id, title: c.title, fields });
  }
  const known = new Set(catalog.criteria.map((c) => c.id));
  for (const row of rows)
    if (!known.has(row.id)) plan.criteria.removed.push({ id: row.id, title: row.title });
}

function fieldChanges(
  vault: Vault,
  row: ControlTable,
  library: Record<LibraryField, ControlFieldChange['library']>,
): ControlFieldChange[] {
  const current = currentValues(getControl(vault, row.id));
  const baseline = baselineValues(row);
  const editedInLog = baseline ? null : editedFields(vault, row.id);
  const changes: ControlFieldChange[] = [];
  for (const field of LIBRARY_FIELDS) {
    if (sameValue(current[field], library[field], field)) continue;
    if (baseline && field in baseline && sameValue(baseline[field], library[field], field))
      continue;
    const edited = baseline
      ? !(field in baseline) || !sameValue(current[field], baseline[field], field)
      : editedInLog!.has(field);
    changes.push({ field, current: current[field], library: library[field], edited });
  }
  return changes;
}

/** The control ↔ criterion links (`<control>|<criterion>`) whose role a user set. */
export function rolesSetByUsers(vault: Vault): Set<string> {
  const rows = all(
    vault.db,
    vault.db.qb
      .selectFrom('audit_event')
      .select(['entity_id', 'payload'])
      .where('entity', '=', 'control_criterion')
      .where('action', '=', 'update'),
  );
  return new Set(
    rows.filter((r) => !('catalogUpdate' in JSON.parse(r.payload))).map((r) => r.entity_id),
  );
}

/** The library fields anyone edited on a control, read from its audit entries. */
export function editedFields(vault: Vault, controlId: string): Set<LibraryField> {
  const payloads = all(
    vault.db,
    vault.db.qb
      .selectFrom('audit_event')
      .select('payload')
      .where('entity', '=', 'control')
      .where('entity_id', '=', controlId)
      .where('action', '=', 'update'),
  );
  const fields = new Set<LibraryField>();
  for (const { payload } of payloads) {
    const patch = JSON.parse(payload) as Record<string, unknown>;
    if ('catalogUpdate' in patch) continue; // the library's own changes are not edits
    for (const f of LIBRARY_FIELDS) if (f in patch) fields.add(f);
  }
  return fields;
}

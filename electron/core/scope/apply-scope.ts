import { AttestError } from '../../../shared/api/errors';
import {
  type Catalog,
  type LibraryControl,
  categoryOfCriterionId,
  compareCatalogVersions,
  isKeyFor,
} from '../../../shared/domain/catalog';
import type { Category } from '../../../shared/domain/engagement';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import {
  getControlByRef,
  insertControl,
  insertCriterion,
  listControlRows,
  listCriterionRows,
  updateControlRow,
  updateCriterion,
} from '../../db/repos/controls';
import { getEngagementRow, ENGAGEMENT_ID, updateEngagement } from '../../db/repos/engagement';
import { linksOf, replaceLinks } from '../../db/repos/links';
import type { ControlTable, CriterionTable } from '../../db/schema';
import { loadCatalog } from '../catalog/catalog';
import { libraryValues } from '../catalog/library-fields';
import { setControlTemplatePolicy } from '../policies/policies';
import { applyDefaultReliance } from './reliance';
import type { Vault } from '../vault/session';
import { withdrawConfirmedNone } from '../sd/confirmed-none';

export interface ScopeChange {
  catalogVersion: string;
  criteriaInScope: number;
  controlsInScope: number;
  added: string[];
  archived: string[];
  restored: string[];
}

/**
 * Confirms the engagement's scope: copies every criterion into the vault (flagged in or out of
 * scope by category), instantiates the library controls that serve an in-scope criterion, and
 * archives — never deletes — controls whose criteria all left the scope. A control descoped
 * earlier returns, with everything attached to it, when its criteria come back. Custom controls
 * and edits are kept. One transaction; every change is in the audit log.
 */
export function applyScope(vault: Vault, catalog: Catalog = loadCatalog()): ScopeChange {
  return tx(vault.db, () => {
    const engagement = getEngagementRow(vault.db);
    if (!engagement) throw new AttestError('not_found', 'This vault has no engagement recorded');
    const recorded = engagement.catalog_version;
    if (recorded && recorded !== catalog.version) {
      throw new AttestError(
        'conflict',
        compareCatalogVersions(recorded, catalog.version) > 0
          ? `This vault was scoped with catalog ${recorded}, newer than this build’s ${catalog.version}. Update Attest to change its scope.`
          : `This vault was scoped with catalog ${recorded}; this build has ${catalog.version}. Review and apply the catalog update first.`,
      );
    }
    const now = vault.now();
    const before = inScopeIds(vault);
    const change = syncScope(vault, catalog, now);
    updateEngagement(vault.db, {
      catalog_version: catalog.version,
      scope_confirmed_at: now,
      updated_at: now,
    });
    recordChange(vault, {
      action: 'update',
      entity: 'engagement',
      entityId: ENGAGEMENT_ID,
      payload: { scopeConfirmed: { ...change } },
    });
    // "Every criterion applies" was said of the criteria then in scope, not of ones added now.
    if ([...inScopeIds(vault)].some((id) => !before.has(id)))
      withdrawConfirmedNone(vault, 'notRelevant');
    return change;
  });
}

function inScopeIds(vault: Vault): Set<string> {
  return new Set(
    listCriterionRows(vault.db)
      .filter((c) => c.in_scope === 1)
      .map((c) => c.id),
  );
}

/**
 * Brings criteria and controls in line with the engagement's categories under `catalog`: criteria
 * copied and flagged, controls archived when none of their criteria is in scope any more and
 * restored when one is again, missing library controls instantiated. Call inside a transaction.
 */
export function syncScope(vault: Vault, catalog: Catalog, now: string): ScopeChange {
  const engagement = getEngagementRow(vault.db)!;
  const inScope = new Set(JSON.parse(engagement.categories) as Category[]);
  const categoryOf = new Map(catalog.criteria.map((c) => [c.id, c.category]));
  // A criterion the catalog no longer has keeps the category its id names.
  const serves = (criteria: readonly string[]) =>
    criteria.some((id) => inScope.has(categoryOf.get(id) ?? categoryOfCriterionId(id)));

  syncCriteria(vault, catalog, inScope, now);

  const change: ScopeChange = {
    catalogVersion: catalog.version,
    criteriaInScope: catalog.criteria.filter((c) => inScope.has(c.category)).length,
    controlsInScope: 0,
    added: [],
    archived: [],
    restored: [],
  };

  // Existing controls first: their current mapping (which the user may have edited) decides.
  const existing = listControlRows(vault.db, { includeArchived: true });
  const mapped = linksOf(vault.db, 'control_criterion');
  const byLibraryRef = new Map(
    existing.filter((c) => c.library_ref).map((c) => [c.library_ref!, c]),
  );
  for (const row of existing) {
    const wanted = serves(mapped.get(row.id) ?? []);
    if (!wanted && row.archived_at === null) {
      setArchived(vault, row, now, 'descoped');
      change.archived.push(row.ref);
    } else if (wanted && row.archived_reason === 'descoped') {
      setArchived(vault, row, now, null);
      change.restored.push(row.ref);
    }
  }

  const addedIds: string[] = [];
  for (const lib of catalog.controls) {
    if (byLibraryRef.has(lib.ref) || !serves(lib.criteria)) continue;
    const row = fromLibrary(vault, lib, now);
    insertControl(vault.db, row);
    recordChange(vault, {
      action: 'create',
      entity: 'control',
      entityId: row.id,
      payload: { libraryRef: lib.ref, catalogVersion: catalog.version },
    });
    // Each link key or supporting as the library marks it (DESIGN §4).
    replaceLinks(vault, 'control_criterion', row.id, lib.criteria, {}, (id) => isKeyFor(lib, id));
    setControlTemplatePolicy(vault, row.id, lib.policyKey);
    change.added.push(row.ref);
    addedIds.push(row.id);
  }
  // Automated controls rely on the change-management and access controls by default.
  applyDefaultReliance(vault, addedIds);

  change.controlsInScope = listControlRows(vault.db).length;
  return change;
}

/**
 * Every criterion of the catalog gets a row when a vault is created, out of scope until the
 * scope is confirmed, so anything may link to any criterion (a request naming one outside the
 * scope keeps its link). Call inside the creating transaction.
 */
export function seedCriteria(vault: Vault, catalog: Catalog = loadCatalog()): void {
  syncCriteria(vault, catalog, new Set(), vault.now());
}

function syncCriteria(vault: Vault, catalog: Catalog, inScope: Set<Category>, now: string): void {
  const rows = new Map(listCriterionRows(vault.db).map((r) => [r.id, r]));
  // Until the scope is first confirmed the vault has taken no catalog: its criteria follow the
  // build's text. Afterwards only an explicit catalog update changes them.
  const unscoped = getEngagementRow(vault.db)?.catalog_version === null;
  catalog.criteria.forEach((c, index) => {
    const flag = inScope.has(c.category) ? 1 : 0;
    const row = rows.get(c.id);
    if (row && unscoped) refreshCriterionText(vault, row, c, now);
    if (!row) {
      insertCriterion(vault.db, {
        id: c.id,
        category: c.category,
        group_id: c.groupId,
        group_title: c.groupTitle,
        coso_principle: c.cosoPrinciple,
        title: c.title,
        guidance: JSON.stringify(c.guidance),
        sort_key: index,
        in_scope: flag,
        not_relevant_reason: null,
        updated_at: now,
      });
      recordChange(vault, {
        action: 'create',
        entity: 'criterion',
        entityId: c.id,
        payload: { inScope: flag === 1 },
      });
    } else if (row.in_scope !== flag) {
      updateCriterion(vault.db, c.id, { in_scope: flag, updated_at: now });
      recordChange(vault, {
        action: 'update',
        entity: 'criterion',
        entityId: c.id,
        payload: { inScope: flag === 1 },
      });
    }
  });
}

function refreshCriterionText(
  vault: Vault,
  row: CriterionTable,
  c: Catalog['criteria'][number],
  now: string,
): void {
  const text = {
    title: c.title,
    group_title: c.groupTitle,
    coso_principle: c.cosoPrinciple,
    guidance: JSON.stringify(c.guidance),
  };
  if (Object.entries(text).every(([k, v]) => row[k as keyof typeof text] === v)) return;
  updateCriterion(vault.db, c.id, { ...text, updated_at: now });
  recordChange(vault, {
    action: 'update',
    entity: 'criterion',
    entityId: c.id,
    payload: { catalogText: true },
  });
}

function setArchived(
  vault: Vault,
  row: ControlTable,
  now: string,
  reason: 'descoped' | null,
): void {
  updateControlRow(vault.db, row.id, {
    archived_at: reason ? now : null,
    archived_reason: reason,
    updated_at: now,
  });
  recordChange(vault, {
    action: reason ? 'archive' : 'restore',
    entity: 'control',
    entityId: row.id,
    payload: { reason: reason ?? 'rescoped' },
  });
}

function fromLibrary(vault: Vault, lib: LibraryControl, now: string): ControlTable {
  // A custom control may already use the library's reference; never fail a scope over a name.
  let ref = lib.ref;
  for (let n = 2; getControlByRef(vault.db, ref); n++) ref = `${lib.ref}-${n}`;
  return {
    id: vault.ids.next('ctl'),
    ref,
    title: lib.title,
    description: lib.description,
    domain: lib.domain,
    owner_role: lib.ownerRole,
    owner_id: null,
    performer_id: null,
    reviewer_id: null,
    frequency: lib.frequency,
    nature: lib.nature,
    type: lib.type,
    operating_since: null,
    test_procedure: lib.testProcedure,
    test_attributes: JSON.stringify(lib.testAttributes),
    evidence_guidance: lib.evidenceGuidance,
    source: 'library',
    library_ref: lib.ref,
    library_baseline: JSON.stringify(libraryValues(lib)),
    archived_at: null,
    archived_reason: null,
    in_description: null,
    created_at: now,
    updated_at: now,
  };
}

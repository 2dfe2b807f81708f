/**
 * What an import matches against: the vault's criteria, controls and people. As plain data, so
 * the parse worker, which has no vault, can match the rows it reads.
 */
import { normaliseCriterionId } from '../../../shared/domain/catalog';
import type { RowLookups } from '../../../shared/domain/requests-rows';
import type { ControlRefEntry, PersonEntry } from '../../../shared/domain/requests-values';
import { listControlRows, listCriterionRows } from '../../db/repos/controls';
import { listPeople } from '../../db/repos/people';
import { loadCatalog } from '../catalog/catalog';
import type { Vault } from '../vault/session';

export interface LookupData {
  /** Every Trust Services Criterion of the catalog; any other id is unknown. */
  criteria: Record<string, 'known' | 'out_of_scope'>;
  controls: ControlRefEntry[];
  people: PersonEntry[];
}

export function requestLookupData(vault: Vault): LookupData {
  const rows = listCriterionRows(vault.db);
  // Before the scope is confirmed no criterion is in scope yet: every catalog criterion is fine.
  const inScope = new Set(rows.filter((c) => c.in_scope === 1).map((c) => c.id));
  const criteria: LookupData['criteria'] = {};
  for (const { id } of loadCatalog().criteria) {
    criteria[id] = inScope.size === 0 || inScope.has(id) ? 'known' : 'out_of_scope';
  }
  return {
    criteria,
    controls: listControlRows(vault.db).map((c) => ({ id: c.id, ref: c.ref })),
    people: listPeople(vault.db).map((p) => ({ id: p.id, name: p.name, email: p.email })),
  };
}

export function lookupsFrom(data: LookupData): RowLookups {
  return {
    criterion: (id) => {
      const canonical = normaliseCriterionId(id) ?? id;
      return Object.hasOwn(data.criteria, canonical) ? data.criteria[canonical]! : 'unknown';
    },
    controls: data.controls,
    people: data.people,
  };
}

export const requestLookups = (vault: Vault): RowLookups => lookupsFrom(requestLookupData(vault));

/** What an import matches against: the vault's criteria, controls and people. */
import type { RowLookups } from '../../../shared/domain/requests-rows';
import { listControlRows, listCriterionRows } from '../../db/repos/controls';
import { listPeople } from '../../db/repos/people';
import { findCriterion } from '../catalog/catalog';
import type { Vault } from '../vault/session';

export function requestLookups(vault: Vault): RowLookups {
  const criteria = listCriterionRows(vault.db);
  // Before the scope is confirmed no criterion is in scope yet: every catalog criterion is fine.
  const inScope = new Set(criteria.filter((c) => c.in_scope === 1).map((c) => c.id));
  return {
    criterion: (id) =>
      !findCriterion(id)
        ? 'unknown'
        : inScope.size === 0 || inScope.has(id)
          ? 'known'
          : 'out_of_scope',
    controls: listControlRows(vault.db).map((c) => ({ id: c.id, ref: c.ref })),
    people: listPeople(vault.db).map((p) => ({ id: p.id, name: p.name, email: p.email })),
  };
}

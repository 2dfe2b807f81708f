import { AttestError, type ValidationIssue, validationError } from '../../../shared/api/errors';
import { getControlRow, listCriterionRows } from '../../db/repos/controls';
import type { Vault } from '../vault/session';

/**
 * Checks that need the vault: criteria named by the description must be in the confirmed scope,
 * controls named by it must exist and be active. Each problem carries the field path, so a form
 * can mark the exact entry.
 */
export interface ScopeCriteria {
  known: Set<string>;
  inScope: Set<string>;
  notRelevant: Map<string, string>;
}

export function scopeCriteria(vault: Vault): ScopeCriteria {
  const rows = listCriterionRows(vault.db);
  return {
    known: new Set(rows.map((r) => r.id)),
    inScope: new Set(rows.filter((r) => r.in_scope === 1).map((r) => r.id)),
    notRelevant: new Map(
      rows
        .filter((r) => r.in_scope === 1 && r.not_relevant_reason)
        .map((r) => [r.id, r.not_relevant_reason!]),
    ),
  };
}

export class Issues {
  readonly list: ValidationIssue[] = [];

  add(path: (string | number)[], message: string): void {
    this.list.push({ path: path.map(String), message });
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw validationError(this.list);
  }
}

export function checkCriteria(
  scope: ScopeCriteria,
  ids: readonly string[],
  path: (string | number)[],
  issues: Issues,
): void {
  if (ids.length > 0 && scope.inScope.size === 0) {
    issues.add(path, 'Confirm the scope first: no criterion of this vault is in scope yet');
    return;
  }
  ids.forEach((id, i) => {
    if (!scope.known.has(id)) issues.add([...path, i], `Unknown criterion ${id}`);
    else if (!scope.inScope.has(id)) issues.add([...path, i], `${id} is not in scope`);
  });
}

export function checkControl(
  vault: Vault,
  id: string,
  path: (string | number)[],
  issues: Issues,
): void {
  const row = getControlRow(vault.db, id);
  if (!row) issues.add(path, `No control ${id} in this vault`);
  else if (row.archived_at !== null) issues.add(path, `Control ${row.ref} is archived`);
}

export function conflict(message: string): AttestError {
  return new AttestError('conflict', message);
}

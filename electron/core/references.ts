import { AttestError, type ValidationIssue } from '../../shared/api/errors';
import { getControlRow } from '../db/repos/controls';
import { getPerson } from '../db/repos/people';
import type { Vault } from './vault/session';

/**
 * Field-level checks that need the vault: an owner who is in People, controls that exist. Shared
 * by every record that points at people and controls (risks, tasks, …).
 */
export function checkOwnerAndControls(
  vault: Vault,
  fields: { ownerId?: string | null; acceptedById?: string | null; controlIds?: string[] },
): void {
  const issues: ValidationIssue[] = [];
  for (const key of ['ownerId', 'acceptedById'] as const) {
    const id = fields[key];
    if (id && !getPerson(vault.db, id))
      issues.push({ path: [key], message: `No person ${id} in this vault` });
  }
  for (const id of fields.controlIds ?? []) {
    if (!getControlRow(vault.db, id))
      issues.push({ path: ['controlIds'], message: `No control ${id} in this vault` });
  }
  if (issues.length > 0) throw new AttestError('validation', issues[0]!.message, issues);
}

import type { Control, SetCriterionRoleInput } from '../../../shared/api/controls';
import { setCriterionRoleInput } from '../../../shared/api/controls';
import { AttestError } from '../../../shared/api/errors';
import { recordChange } from '../../db/audit';
import { linkId } from '../../db/audited';
import { first, runExpect, tx } from '../../db/connection';
import type { Vault } from '../vault/session';
import { getControl } from './controls';

/**
 * Marks a control key or supporting for one criterion it maps to (DESIGN §4). Demoting a key
 * control needs a reason: the criterion then rests on its other key controls, and an auditor will
 * ask why this one no longer counts. The change and its reason are one audit entry on the link.
 * Promoting needs none. Setting the role the link already has changes nothing and logs nothing.
 */
export function setCriterionRole(vault: Vault, input: SetCriterionRoleInput): Control {
  const { id, criterionId, role, reason } = setCriterionRoleInput.parse(input);
  return tx(vault.db, () => {
    const control = getControl(vault, id);
    const link = first(
      vault.db,
      vault.db.qb
        .selectFrom('control_criterion')
        .select('key')
        .where('control_id', '=', id)
        .where('criterion_id', '=', criterionId),
    );
    if (!link)
      throw new AttestError(
        'not_found',
        `${control.ref} is not mapped to ${criterionId}: map it first, then say whether it is key.`,
      );
    const key = role === 'key';
    if ((link.key === 1) === key) return control;
    if (!key && !reason) {
      const message = `Say why ${control.ref} is no longer a key control for ${criterionId}`;
      throw new AttestError('validation', message, [{ path: ['reason'], message }]);
    }
    runExpect(
      vault.db,
      vault.db.qb
        .updateTable('control_criterion')
        .set({ key: key ? 1 : 0 })
        .where('control_id', '=', id)
        .where('criterion_id', '=', criterionId),
    );
    recordChange(vault, {
      action: 'update',
      entity: 'control_criterion',
      entityId: linkId(id, criterionId),
      payload: { role, ...(reason ? { reason } : {}) },
    });
    return getControl(vault, id);
  });
}

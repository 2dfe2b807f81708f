import type { Control, VaultCriterion } from '../../../shared/api/controls';
import type { CriterionGuidance } from '../../../shared/domain/catalog';
import type { ControlTable, CriterionTable } from '../../db/schema';

/**
 * Rows to domain objects: the only place that knows how the columns encode the fields. The
 * criteria and whether the control is key for each come from the control's link rows, in
 * catalog order (`criterionRolesOf` reads them for one or many).
 */
export function toControl(
  row: ControlTable,
  roles: ReadonlyMap<string, boolean>,
  policyKey: string | null,
): Control {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    domain: row.domain as Control['domain'],
    ownerRole: row.owner_role,
    ownerId: row.owner_id,
    performerId: row.performer_id,
    reviewerId: row.reviewer_id,
    frequency: row.frequency as Control['frequency'],
    nature: row.nature as Control['nature'],
    type: row.type as Control['type'],
    policyKey,
    criteria: [...roles.keys()],
    supportingCriteria: [...roles].filter(([, key]) => !key).map(([id]) => id),
    inDescription: row.in_description === null ? null : row.in_description === 1,
    operatingSince: row.operating_since,
    testProcedure: row.test_procedure,
    testAttributes: JSON.parse(row.test_attributes) as string[],
    evidenceGuidance: row.evidence_guidance,
    source: row.source,
    libraryRef: row.library_ref,
    archived: row.archived_at !== null,
    archivedReason: row.archived_reason as Control['archivedReason'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toCriterion(row: CriterionTable, controlIds: string[]): VaultCriterion {
  return {
    id: row.id,
    category: row.category as VaultCriterion['category'],
    groupId: row.group_id as VaultCriterion['groupId'],
    groupTitle: row.group_title,
    cosoPrinciple: row.coso_principle,
    title: row.title,
    guidance: JSON.parse(row.guidance) as CriterionGuidance,
    inScope: row.in_scope === 1,
    notRelevantReason: row.not_relevant_reason,
    controlIds,
  };
}

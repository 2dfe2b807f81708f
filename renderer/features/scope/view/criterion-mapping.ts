import type { Control } from '../../../../shared/api/controls';

/** Active controls not yet mapped to the criterion, by reference: what can be mapped to it. */
export function unmappedControls(controls: readonly Control[], criterionId: string): Control[] {
  return controls
    .filter((c) => !c.archived && !c.criteria.includes(criterionId))
    .sort((a, b) => a.ref.localeCompare(b.ref));
}

/** The control's criteria with this one added (once). */
export function criteriaWith(control: Pick<Control, 'criteria'>, criterionId: string): string[] {
  return control.criteria.includes(criterionId)
    ? [...control.criteria]
    : [...control.criteria, criterionId];
}

/** The control's criteria without this one. */
export function criteriaWithout(control: Pick<Control, 'criteria'>, criterionId: string): string[] {
  return control.criteria.filter((id) => id !== criterionId);
}

import type { Control, ControlPatch, NewControlInput } from '../../../../shared/api/controls';
import type { Engagement } from '../../../../shared/api/vault';
import type { ControlType, Domain, Frequency, Nature } from '../../../../shared/domain/catalog';
import { formatDate } from '../../../components/format';

/** A control as its form holds it: dates and lists as the inputs show them. */
export interface ControlValues {
  ref: string;
  title: string;
  description: string;
  domain: Domain;
  ownerRole: string;
  ownerId: string | null;
  performerId: string | null;
  reviewerId: string | null;
  frequency: Frequency;
  nature: Nature;
  type: ControlType;
  /** The catalog policy template the control rests on. */
  policyKey: string | null;
  operatingSince: string;
  criteria: string[];
  testProcedure: string;
  /** One attribute per line. */
  testAttributes: string;
  evidenceGuidance: string;
}

export type ControlField = keyof ControlValues;

export function valuesOf(c?: Control): ControlValues {
  return {
    ref: c?.ref ?? '',
    title: c?.title ?? '',
    description: c?.description ?? '',
    domain: c?.domain ?? 'governance',
    ownerRole: c?.ownerRole ?? '',
    ownerId: c?.ownerId ?? null,
    performerId: c?.performerId ?? null,
    reviewerId: c?.reviewerId ?? null,
    frequency: c?.frequency ?? 'annual',
    nature: c?.nature ?? 'manual',
    type: c?.type ?? 'preventive',
    policyKey: c?.policyKey ?? null,
    operatingSince: c?.operatingSince ?? '',
    criteria: c?.criteria ?? [],
    testProcedure: c?.testProcedure ?? '',
    testAttributes: c?.testAttributes.join('\n') ?? '',
    evidenceGuidance: c?.evidenceGuidance ?? '',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The contract's value of one field. */
export function patchOf(field: ControlField, v: ControlValues): ControlPatch {
  if (field === 'operatingSince') return { operatingSince: v.operatingSince || null };
  if (field === 'testAttributes') return { testAttributes: lines(v.testAttributes) };
  return { [field]: v[field] } as ControlPatch;
}

/** A new custom control: an empty reference lets Attest choose the next CUS-nn. */
export function createInput(v: ControlValues): NewControlInput {
  const { ref, operatingSince, testAttributes, ...rest } = v;
  return {
    ...rest,
    ...(ref.trim() ? { ref: ref.trim() } : {}),
    operatingSince: operatingSince || null,
    testAttributes: lines(testAttributes),
  };
}

/** Segregation of duties: the one who performs a control should not be the one who reviews it. */
export function sameDoerAndReviewer(v: Pick<ControlValues, 'performerId' | 'reviewerId'>): boolean {
  return v.performerId !== null && v.performerId === v.reviewerId;
}

/**
 * A control must be operating from the period start (Type II) or the as-of date (Type I); a later
 * date is an exception or a significant change (DC 9), not simply "implemented".
 */
export function operatingSinceWarning(
  since: string,
  e: Pick<Engagement, 'reportType' | 'asOf' | 'period'>,
  locale?: string,
): string | null {
  const from = e.reportType === 'type2' ? e.period?.start : e.asOf;
  if (!since || !from || since <= from) return null;
  return e.reportType === 'type2'
    ? `Starts after the period begins (${formatDate(from, locale)}): the auditor will see the weeks before as an exception or a significant change (DC 9).`
    : `Starts after the as-of date (${formatDate(from, locale)}): it was not in operation on the date examined.`;
}

import type { Control, ControlPatch, NewControlInput } from '../../../../shared/api/controls';
import type { Engagement } from '../../../../shared/api/vault';
import type { ControlType, Domain, Frequency, Nature } from '../../../../shared/domain/catalog';
import { formatDate } from '../../../components/format';

/** A control as its form holds it: dates and lists as the inputs show them. */
// A type, not an interface: the form helper takes it as a record of fields.
export type ControlValues = {
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
};

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

/** The contract's value of one field, from what its input holds. */
export function inputOf<K extends ControlField>(
  field: K,
  value: ControlValues[K],
): ControlPatch[K & keyof ControlPatch] {
  if (field === 'operatingSince') return (value || null) as never;
  if (field === 'testAttributes') return lines(value as string) as never;
  return value as never;
}

/** Each field in words, for the toast of its save ("Title saved · Undo"). */
export const CONTROL_FIELD_LABEL: Record<ControlField, string> = {
  ref: 'Reference',
  title: 'Title',
  description: 'Description',
  domain: 'Domain',
  ownerRole: 'Owner role',
  ownerId: 'Owner',
  performerId: 'Performer',
  reviewerId: 'Reviewer',
  frequency: 'Frequency',
  nature: 'Nature',
  type: 'Type',
  policyKey: 'Policy',
  operatingSince: 'Operating since',
  criteria: 'Mapped criteria',
  testProcedure: 'Test procedure',
  testAttributes: 'Test attributes',
  evidenceGuidance: 'What good evidence looks like',
};

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

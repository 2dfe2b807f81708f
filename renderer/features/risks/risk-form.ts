import type { Input } from '../../../shared/api/index';
import type { ValidationIssue } from '../../../shared/api/errors';
import { checkFormWith, formFieldErrors } from '../../components/field-errors';
import type { Assessment } from '../../../shared/api/gaps';
import { RESIDUAL_OF, type Risk, newRiskInput } from '../../../shared/api/risks';

export type RiskFormValues = {
  title: string;
  description: string;
  category: Risk['category'];
  likelihood: number;
  impact: number;
  treatment: Risk['treatment'];
  residualLikelihood: number;
  residualImpact: number;
  ownerId: string | null;
  controlIds: string[];
  reviewOn: string;
  acceptedById: string | null;
  acceptedOn: string;
};

export type RiskField = keyof RiskFormValues;
export type RiskErrors = Partial<Record<RiskField, string>>;

/** Words for each field, for the Undo toast ("Title saved"). */
export const RISK_FIELD_LABEL: Record<RiskField, string> = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  likelihood: 'Likelihood',
  impact: 'Impact',
  treatment: 'Treatment',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  ownerId: 'Owner',
  controlIds: 'Controls',
  reviewOn: 'Next review',
  acceptedById: 'Accepted by',
  acceptedOn: 'Accepted on',
};

export const NEW_RISK: RiskFormValues = {
  title: '',
  description: '',
  category: 'security',
  likelihood: 3,
  impact: 3,
  treatment: 'mitigate',
  residualLikelihood: 3,
  residualImpact: 3,
  ownerId: null,
  controlIds: [],
  reviewOn: '',
  acceptedById: null,
  acceptedOn: '',
};

export function riskToForm(risk: Risk): RiskFormValues {
  return {
    title: risk.title,
    description: risk.description,
    category: risk.category,
    likelihood: risk.likelihood,
    impact: risk.impact,
    treatment: risk.treatment,
    residualLikelihood: risk.residualLikelihood,
    residualImpact: risk.residualImpact,
    ownerId: risk.ownerId,
    controlIds: risk.controlIds,
    reviewOn: risk.reviewOn ?? '',
    acceptedById: risk.acceptedById,
    acceptedOn: risk.acceptedOn ?? '',
  };
}

export function formToInput(values: RiskFormValues): Input<'risks.create'> {
  return { ...values, reviewOn: values.reviewOn || null, acceptedOn: values.acceptedOn || null };
}

const FIELDS = Object.keys(NEW_RISK) as RiskField[];

/** Field problems from the contract's own words (so the form says what Attest would). */
export function issuesToErrors(issues: readonly ValidationIssue[]): RiskErrors {
  return formFieldErrors(FIELDS, issues);
}

/** Checked with the contract's own schema before asking Attest, which checks again. */
export function checkRisk(values: RiskFormValues): RiskErrors {
  return checkFormWith(newRiskInput, formToInput(values), FIELDS);
}

/**
 * The values after the user sets an inherent level: a residual above it comes down with it, as
 * Attest would do (controls only lower a risk).
 */
export function withInherent(
  values: RiskFormValues,
  dimension: 'likelihood' | 'impact',
  level: number,
): RiskFormValues {
  const next = { ...values, [dimension]: level };
  for (const [d, residual] of RESIDUAL_OF) {
    if (d === dimension && next[residual] > level) next[residual] = level;
  }
  return next;
}

/**
 * Linked controls that are not assessed as implemented, when the residual is lower than the
 * inherent score: a reduction may only rest on controls in place (U17), so the form warns.
 */
export function unprovenControls(
  values: RiskFormValues,
  assessments: Readonly<Record<string, Assessment>>,
): string[] {
  const reduced =
    values.residualLikelihood * values.residualImpact < values.likelihood * values.impact;
  if (!reduced) return [];
  return values.controlIds.filter((id) => assessments[id]?.status !== 'implemented');
}

/**
 * The values after the user picks a treatment: choosing "accept" fills in who accepts it (the
 * current person) and today, both editable; any other treatment clears them, as Attest does.
 */
export function withTreatment(
  values: RiskFormValues,
  treatment: Risk['treatment'],
  currentPersonId: string | null,
  today: string,
): RiskFormValues {
  if (treatment !== 'accept') return { ...values, treatment, acceptedById: null, acceptedOn: '' };
  if (values.treatment === 'accept') return { ...values, treatment };
  return { ...values, treatment, acceptedById: currentPersonId, acceptedOn: today };
}

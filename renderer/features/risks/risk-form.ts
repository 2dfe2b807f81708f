import type { Input } from '../../../shared/api/index';
import type { ValidationIssue } from '../../../shared/api/errors';
import { checkFormWith, formFieldErrors } from '../../components/field-errors';
import { type Risk, newRiskInput } from '../../../shared/api/risks';

export interface RiskFormValues {
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
}

export type RiskField = keyof RiskFormValues;
export type RiskErrors = Partial<Record<RiskField, string>>;

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
  };
}

export function formToInput(values: RiskFormValues): Input<'risks.create'> {
  return { ...values, reviewOn: values.reviewOn || null };
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

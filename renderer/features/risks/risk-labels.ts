import type { Risk } from '../../../shared/api/risks';
import { HIGH_RESIDUAL, MEDIUM_RESIDUAL } from '../../../shared/domain/gaps';
import type { Tone } from '../../components/status';

export const RISK_CATEGORY_LABEL: Record<Risk['category'], string> = {
  security: 'Security',
  availability: 'Availability',
  confidentiality: 'Confidentiality',
  processing_integrity: 'Processing integrity',
  privacy: 'Privacy',
  operational: 'Operational',
  compliance: 'Compliance',
  vendor: 'Vendor',
  people: 'People',
  fraud: 'Fraud',
};

export const TREATMENT_LABEL: Record<Risk['treatment'], string> = {
  mitigate: 'Mitigate',
  accept: 'Accept',
  transfer: 'Transfer',
  avoid: 'Avoid',
};

/** 1–5 in words, so a score is chosen by meaning rather than by number. */
export const LIKELIHOOD_WORDS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
export const IMPACT_WORDS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'];

export type RiskBand = 'high' | 'medium' | 'low';

/**
 * The same thresholds that raise a gap's severity (shared/domain/gaps.ts): 15 and above is high,
 * 8 and above medium.
 */
export function riskBand(score: number): RiskBand {
  if (score >= HIGH_RESIDUAL) return 'high';
  if (score >= MEDIUM_RESIDUAL) return 'medium';
  return 'low';
}

export const BAND_TONE: Record<RiskBand, Tone> = {
  high: 'missing',
  medium: 'partial',
  low: 'neutral',
};

export const BAND_LABEL: Record<RiskBand, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

import { z } from 'zod';
import { isoDate, isoInstant } from './common';
import { idOf, text } from './text';

export const RISK_TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const RISK_CATEGORIES = [
  'security',
  'availability',
  'confidentiality',
  'processing_integrity',
  'privacy',
  'operational',
  'compliance',
  'vendor',
  'people',
  'fraud',
] as const;

/** What `risks.list` orders by: when added unless asked; scores are likelihood × impact. */
export const RISK_SORT_KEYS = ['created', 'title', 'inherent', 'residual', 'reviewOn'] as const;

const score = z.number().int().min(1, { message: 'Use 1 to 5' }).max(5, { message: 'Use 1 to 5' });
const personRef = idOf('per', 'person');

/** One cell of a risk matrix: the inherent or the residual likelihood and impact. */
export const riskCellSchema = z
  .object({ kind: z.enum(['inherent', 'residual']), likelihood: score, impact: score })
  .strict();
export type RiskCell = z.infer<typeof riskCellSchema>;

export const riskSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(RISK_CATEGORIES),
  likelihood: z.number().int(),
  impact: z.number().int(),
  inherentScore: z.number().int(),
  treatment: z.enum(RISK_TREATMENTS),
  residualLikelihood: z.number().int(),
  residualImpact: z.number().int(),
  residualScore: z.number().int(),
  ownerId: z.string().nullable(),
  controlIds: z.array(z.string()),
  reviewOn: isoDate.nullable(),
  /** Treatment "accept": who accepted the risk and when (empty for risks accepted before Attest recorded it). */
  acceptedById: z.string().nullable(),
  acceptedOn: isoDate.nullable(),
  starterKey: z.string().nullable(),
  archived: z.boolean(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Risk = z.infer<typeof riskSchema>;

export const riskFields = z.object({
  title: text({ max: 300, required: 'Give the risk a title' }),
  description: text({ max: 5000, multiline: true }),
  category: z.enum(RISK_CATEGORIES),
  likelihood: score,
  impact: score,
  treatment: z.enum(RISK_TREATMENTS),
  residualLikelihood: score,
  residualImpact: score,
  ownerId: personRef.nullable(),
  controlIds: z.array(idOf('ctl', 'control')).max(200),
  reviewOn: isoDate.nullable(),
  /** With treatment "accept"; by default the current person, today. Cleared by any other treatment. */
  acceptedById: personRef.nullable(),
  acceptedOn: isoDate.nullable(),
});
/** Controls only lower a risk: the residual likelihood and impact never exceed the inherent ones. */
export const RESIDUAL_OF = [
  ['likelihood', 'residualLikelihood'],
  ['impact', 'residualImpact'],
] as const;

export const newRiskInput = riskFields
  .partial()
  .required({ title: true, likelihood: true, impact: true })
  .strict()
  .superRefine((v, ctx) => {
    for (const [dimension, residual] of RESIDUAL_OF) {
      const value = v[residual];
      if (value !== undefined && value > v[dimension]) {
        ctx.addIssue({
          code: 'custom',
          path: [residual],
          message: `At most ${v[dimension]}, the inherent ${dimension}`,
        });
      }
    }
  });
export const riskPatch = riskFields.partial().strict();

/** A common SOC 2 risk written by us, offered once per vault to accept or discard. */
export const starterRiskSchema = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(RISK_CATEGORIES),
  likelihood: z.number().int(),
  impact: z.number().int(),
  /** Library references of controls that typically reduce it. */
  controlRefs: z.array(z.string()),
});
export type StarterRisk = z.infer<typeof starterRiskSchema>;

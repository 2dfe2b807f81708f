import type { Policy } from '../../../shared/api/policies';
import type { Tone } from '../../components/status';

/** A policy's state in words and in the one status palette. */
export const POLICY_STATUS: Record<Policy['status'], { label: string; tone: Tone }> = {
  not_written: { label: 'Not written', tone: 'missing' },
  draft: { label: 'Draft', tone: 'partial' },
  approved: { label: 'Approved', tone: 'met' },
  approved_with_draft: { label: 'Approved · new draft', tone: 'met' },
};

/** The review is overdue once its date has passed (ISO dates compare as text). */
export const reviewOverdue = (p: Pick<Policy, 'nextReviewOn'>, today: string): boolean =>
  p.nextReviewOn !== null && p.nextReviewOn < today;

/** "Policy" rows of the palette and the list are found by these words too. */
export const policyKeywords = (p: Policy): string[] => [
  'policy',
  ...(p.templateKey ? [p.templateKey.replace(/-/g, ' ')] : []),
];

/**
 * The template catalog grouped as a reader looks for a policy (the catalog has no groups of its
 * own; a key not listed here falls under "Other").
 */
export const TEMPLATE_GROUPS: readonly [group: string, keys: readonly string[]][] = [
  [
    'Governance and people',
    [
      'information-security',
      'code-of-conduct',
      'acceptable-use',
      'human-resources-security',
      'security-awareness',
      'risk-management',
      'vendor-management',
    ],
  ],
  [
    'Technical safeguards',
    [
      'access-control',
      'physical-security',
      'network-security',
      'encryption',
      'asset-management',
      'endpoint-security',
      'logging-monitoring',
    ],
  ],
  [
    'Operations',
    [
      'change-management',
      'secure-development',
      'vulnerability-management',
      'incident-response',
      'business-continuity',
      'backup-recovery',
    ],
  ],
  [
    'Data and privacy',
    ['data-classification', 'data-retention', 'confidentiality', 'processing-integrity', 'privacy'],
  ],
];

export function templateGroupOf(key: string): string {
  return TEMPLATE_GROUPS.find(([, keys]) => keys.includes(key))?.[0] ?? 'Other';
}

import type { AssessmentStatus, CoverageStatus } from '../../../shared/domain/coverage';
import type { Tone } from '../../components/status';

/** An assessment, or none yet. */
export type AssessmentState = AssessmentStatus | 'not_assessed';

/**
 * Words and tones for a control's self-assessment. "Implemented" stays yellow: it is a claim
 * awaiting reviewed evidence, and a self-assessment alone never turns anything teal.
 */
export const ASSESSMENT_LABEL: Record<AssessmentState, string> = {
  implemented: 'Implemented',
  partial: 'Partially implemented',
  not_implemented: 'Not implemented',
  not_applicable: 'Not applicable',
  not_assessed: 'Not assessed yet',
};

export const ASSESSMENT_TONE: Record<AssessmentState, Tone> = {
  implemented: 'partial',
  partial: 'partial',
  not_implemented: 'missing',
  not_applicable: 'neutral',
  not_assessed: 'neutral',
};

/** The badge text of an implemented control says what it still waits for. */
export const ASSESSMENT_BADGE: Record<AssessmentState, string> = {
  ...ASSESSMENT_LABEL,
  implemented: 'Implemented — awaiting evidence',
  partial: 'Partial',
};

/** The status buttons of focused mode, in key order (1–4). */
export const STATUS_KEYS: readonly { status: AssessmentStatus; key: string; label: string }[] = [
  { status: 'implemented', key: '1', label: 'Implemented' },
  { status: 'partial', key: '2', label: 'Partial' },
  { status: 'not_implemented', key: '3', label: 'Not implemented' },
  { status: 'not_applicable', key: '4', label: 'Not applicable' },
];

/** Coverage of a criterion, never "covered" or "compliant". */
export const COVERAGE_LABEL: Record<CoverageStatus, string> = {
  met: 'Met',
  mapped: 'Mapped',
  not_mapped: 'Not mapped',
  not_relevant: 'Not relevant',
};

export const COVERAGE_TONE: Record<CoverageStatus, Tone> = {
  met: 'met',
  mapped: 'partial',
  not_mapped: 'missing',
  not_relevant: 'neutral',
};

/** What each coverage status means, for the legend. */
export const COVERAGE_MEANING: Record<CoverageStatus, string> = {
  met: 'Every key control implemented, with reviewed evidence',
  mapped:
    'Served by controls — a key control is not yet assessed, not yet implemented, or lacks reviewed evidence',
  not_mapped: 'No applicable control serves it',
  not_relevant: 'Scoped out of this system, with a reason',
};

export const COVERAGE_ORDER: readonly CoverageStatus[] = [
  'met',
  'mapped',
  'not_mapped',
  'not_relevant',
];

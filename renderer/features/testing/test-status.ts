import type { SelfTestSummary } from '../../../shared/api/self-tests';
import type { Tone } from '../../components/status';

/** Where a control's self-testing stands, from its latest test. */
export type TestStatus = 'not_tested' | 'in_progress' | 'tested' | 'deviations';

export const TEST_STATUS_LABEL: Record<TestStatus, string> = {
  not_tested: 'Not tested',
  in_progress: 'In progress',
  tested: 'Tested',
  deviations: 'With deviations',
};

/**
 * The status palette's meaning: red when the test found deviations, yellow while items are
 * unanswered, grey before any test. A finished test with none is teal — it is evidence of
 * operation, though the auditor's own test still decides.
 */
export const TEST_STATUS_TONE: Record<TestStatus, Tone> = {
  not_tested: 'neutral',
  in_progress: 'partial',
  tested: 'met',
  deviations: 'missing',
};

/** A test with a deviation reads "with deviations" even before every item is answered. */
export function statusOf(latest: SelfTestSummary | undefined): TestStatus {
  if (!latest) return 'not_tested';
  if (latest.deviations > 0) return 'deviations';
  return latest.itemsTested < latest.sampleSize ? 'in_progress' : 'tested';
}

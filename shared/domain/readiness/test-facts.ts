/** Readiness facts for tests: an engagement every rule passes, and a control to vary. */
import type { ReadinessControl, ReadinessFacts } from './facts';

export const control = (id: string, over: Partial<ReadinessControl> = {}): ReadinessControl => ({
  id,
  ref: id.toUpperCase(),
  title: `Control ${id}`,
  ownerId: 'p_owner',
  performerId: 'p_doer',
  reviewerId: 'p_checker',
  assessment: 'implemented',
  operatingSince: '2025-06-01',
  keyForAny: true,
  inDescription: true,
  evidence: 'complete',
  selfReviewedEvidence: 0,
  openTasks: 0,
  windowsToCome: 0,
  deviations: [],
  changeHistory: null,
  ...over,
});

/** An engagement every rule passes: each test breaks one thing. */
export function ready(): ReadinessFacts {
  return {
    evaluatedOn: '2026-07-15',
    reportType: 'type2',
    period: { start: '2026-01-01', end: '2026-06-30' },
    asOf: null,
    criteria: [
      {
        id: 'cc6_1',
        ref: 'CC6.1',
        category: 'security',
        status: 'met',
        reason: 'Every key control is implemented with reviewed evidence',
        keyControlIds: ['c1'],
        exceptions: [],
        notRelevantReason: null,
      },
      {
        id: 'p1_1',
        ref: 'P1.1',
        category: 'privacy',
        status: 'not_relevant',
        reason: 'Not relevant',
        keyControlIds: [],
        exceptions: [],
        notRelevantReason: 'No personal information of data subjects is processed.',
      },
    ],
    controls: [
      control('c1'),
      control('c2', { keyForAny: false, changeHistory: { status: 'covered', gap: null } }),
    ],
    policies: [
      {
        id: 'pol1',
        title: 'Access control policy',
        controlIds: ['c1'],
        inForce: true,
        nextReviewOn: '2027-01-31',
        overdueAcknowledgements: [],
      },
    ],
    risks: { assessedOn: '2026-02-01', creditedToControlsNotInPlace: [] },
    subservices: [
      {
        id: 'sub1',
        name: 'Acme Cloud',
        method: 'carve_out',
        monitoringControlId: 'c2',
        report: {
          periodStart: '2025-10-01',
          periodEnd: '2026-09-30',
          reviewedOn: '2026-03-01',
          exceptionsListed: false,
          exceptionsAssessment: 'none_noted',
        },
        bridgeLetter: null,
        vendorCuecs: [
          { description: 'Customers manage their users', implementedControlIds: ['c1'] },
        ],
      },
    ],
    description: { unansweredSections: [], incidentsStated: true, changesStated: true },
    populations: [
      {
        evidenceId: 'ev1',
        title: 'Terminations',
        controlRefs: ['C1'],
        hasCompletenessEvidence: true,
      },
    ],
  };
}

import type { AssessmentStatus, CoverageStatus, EvidenceState } from '../coverage';
import type { ExceptionsAssessment } from '../system-description';

/**
 * Everything the readiness rules look at, as plain data gathered once by the core for one
 * evaluation date. The rules never read the vault themselves, so the same facts always give the
 * same findings and figures (E item 10), and a frozen review can keep the facts it was made from.
 */
export interface ReadinessFacts {
  /** The date readiness is evaluated as of: every figure depends on it and states it. */
  evaluatedOn: string;
  reportType: 'type1' | 'type2';
  /** Type II: the period examined; Type I: null. */
  period: { start: string; end: string } | null;
  /** Type I: the as-of date; Type II: null. */
  asOf: string | null;
  criteria: readonly ReadinessCriterion[];
  controls: readonly ReadinessControl[];
  policies: readonly ReadinessPolicy[];
  risks: ReadinessRisks;
  subservices: readonly ReadinessSubservice[];
  description: ReadinessDescription;
  populations: readonly ReadinessPopulation[];
}

export interface ReadinessCriterion {
  id: string;
  /** "CC6.1". */
  ref: string;
  category: string;
  /** From the coverage rule (`coverage.ts`), with its plain reason. */
  status: CoverageStatus;
  reason: string;
  keyControlIds: readonly string[];
  /** Key controls with isolated deviations: met with exceptions. */
  exceptions: readonly string[];
  /** The reason given when scoped out (DC 8); meaningful only when `not_relevant`. */
  notRelevantReason: string | null;
}

export interface ReadinessControl {
  id: string;
  ref: string;
  title: string;
  ownerId: string | null;
  performerId: string | null;
  reviewerId: string | null;
  assessment: AssessmentStatus | null;
  operatingSince: string | null;
  /** Key for at least one in-scope criterion. */
  keyForAny: boolean;
  /** "In the description (will be tested)", the default resolved. */
  inDescription: boolean;
  evidence: EvidenceState;
  /** Evidence items whose only review was by the control's own owner or performer. */
  selfReviewedEvidence: number;
  /** Open remediation tasks linked to it. */
  openTasks: number;
  /** Windows of its occurrences not closed yet at the evaluation date. */
  windowsToCome: number;
  deviations: readonly ReadinessDeviation[];
  /**
   * An automated control relied on for one instance of its configuration (Type II, its IT general
   * controls not failing): whether reviewed evidence linked as that configuration's change history
   * covers the period so far (`occurrences.ts`), with the first stretch it leaves uncovered. Null
   * when none is asked for.
   */
  changeHistory: {
    status: 'covered' | 'partial' | 'none';
    gap: { start: string; end: string } | null;
  } | null;
}

export interface ReadinessDeviation {
  id: string;
  date: string;
  /** Whether management's response is recorded (a response never closes a deviation). */
  responded: boolean;
}

export interface ReadinessPolicy {
  id: string;
  title: string;
  /** Controls that rest on it. */
  controlIds: readonly string[];
  /** A version is approved and in force at the evaluation date. */
  inForce: boolean;
  /** When the version in force is next due for review; null when none is in force. */
  nextReviewOn: string | null;
  /** Current in-scope people who have not acknowledged the version in force within its deadline. */
  overdueAcknowledgements: readonly { personId: string; name: string }[];
}

export interface ReadinessRisks {
  /** When the risk assessment was last recorded (the newest "assessed on"); null: never. */
  assessedOn: string | null;
  /** Risks whose residual level counts on controls that are not implemented. */
  creditedToControlsNotInPlace: readonly { riskId: string; title: string; controlRefs: string[] }[];
}

export interface ReadinessSubservice {
  id: string;
  name: string;
  /** How it is presented: carved out or inclusive. */
  method: string;
  monitoringControlId: string | null;
  /** The vendor's SOC report as recorded; null when none is attached or described. */
  report: {
    periodStart: string | null;
    periodEnd: string | null;
    reviewedOn: string | null;
    /** Its report lists exceptions (deviations in the vendor's controls). */
    exceptionsListed: boolean;
    /** Our assessment of them: none noted, assessed with a written conclusion, or not yet. */
    exceptionsAssessment: ExceptionsAssessment;
  } | null;
  /** The bridge letter obtained (when received, the stretch it covers); null while none is. */
  bridgeLetter: { receivedOn: string; periodStart: string; periodEnd: string } | null;
  /** The controls its report expects of us, each with our implemented controls that answer it. */
  vendorCuecs: readonly { description: string; implementedControlIds: readonly string[] }[];
}

export interface ReadinessDescription {
  /** Sections of the system description that are neither answered nor stated as "none". */
  unansweredSections: readonly { key: string; title: string }[];
  /** Incidents listed or an explicit, dated "none". */
  incidentsStated: boolean;
  /** Significant changes listed or an explicit, dated "none". */
  changesStated: boolean;
}

export interface ReadinessPopulation {
  evidenceId: string;
  title: string;
  controlRefs: readonly string[];
  /** Its completeness and accuracy evidence is recorded (query, run date, count, reconciliation). */
  hasCompletenessEvidence: boolean;
}

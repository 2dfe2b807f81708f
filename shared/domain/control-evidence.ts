/**
 * Whether a control has reviewed evidence for its windows — the second condition of "met"
 * (DESIGN §4–§5), read from its occurrences (`occurrences.ts`, the one module that knows the
 * windows). Only reviewed, current evidence is passed in as instances; this turns the windows
 * into one state:
 *   - `none`: no instance placed in any window;
 *   - `partial`: some, but a counted window closed without one (`missing`), or an annual or
 *     semi-annual control is not occurring in a short period;
 *   - `complete`: every window that has closed by the evaluation date holds an instance (late ones
 *     count here: they are deviation candidates for T, not gaps in the evidence), and windows
 *     still open or in the future are only scheduled.
 */
import type { EvidenceState } from './coverage';
import type { Occurrences } from './occurrences';

export function evidenceStateOf(occ: Occurrences): EvidenceState {
  const placed = occ.windows.some((w) => w.instances.length > 0 || w.late.length > 0);
  if (!placed) return 'none';
  const short = occ.windows.some((w) => w.status === 'missing' || w.status === 'not_occurring');
  return short ? 'partial' : 'complete';
}

/** A control as the description rule sees it. */
export interface DescribedControl {
  id: string;
  ref: string;
  /** The user's choice, or null for the default: in while implemented (and in scope). */
  inDescription: boolean | null;
  assessment: string | null;
  /** Whether it is key for any in-scope criterion. */
  keyForAny: boolean;
  evidence: EvidenceState;
}

export interface DescriptionFinding {
  controlId: string;
  ref: string;
  severity: 'major';
  reason: string;
}

/** The default for "in the description": yes for an implemented control in scope. */
export const isInDescription = (c: Pick<DescribedControl, 'inDescription' | 'assessment'>) =>
  c.inDescription ?? c.assessment === 'implemented';

/**
 * An auditor tests every control the description describes. A supporting control in it without
 * reviewed evidence for its windows is a major finding: it leaves no criterion unmet (so the
 * coverage rule does not catch it), but its test will fail. A key control without evidence is
 * already caught there, as the criterion it leaves unmet.
 */
export function descriptionFindings(controls: readonly DescribedControl[]): DescriptionFinding[] {
  return controls
    .filter((c) => isInDescription(c) && !c.keyForAny && c.evidence !== 'complete')
    .map((c) => ({
      controlId: c.id,
      ref: c.ref,
      severity: 'major' as const,
      reason:
        c.evidence === 'none'
          ? `${c.ref} is in the description, so the auditor will test it, and it has no reviewed evidence`
          : `${c.ref} is in the description, so the auditor will test it, and reviewed evidence is missing for some of its windows`,
    }));
}

import type { AuditRequest } from '../../../shared/api/requests';
import type { AuditorStatus, RequestStatus, RequestType } from '../../../shared/domain/requests';
import type { Tone } from '../../components/status';

export { REQUEST_FIELD_LABELS, REQUEST_STATUS_LABELS } from '../../../shared/domain/requests';

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  document: 'Document',
  population: 'Population',
  sample: 'Sample',
  configuration: 'Configuration',
  walkthrough: 'Walkthrough',
};

/**
 * Our side in the one status palette: untouched is grey, work under way is yellow, handed to the
 * auditor is teal. Whether the auditor accepts it is the auditor's column, not this one.
 */
export const REQUEST_STATUS_TONES: Record<RequestStatus, Tone> = {
  new: 'neutral',
  assigned: 'partial',
  in_progress: 'partial',
  ready_for_review: 'partial',
  submitted: 'met',
};

export const AUDITOR_STATUS_LABELS: Record<AuditorStatus, string> = {
  accepted: 'Accepted',
  follow_up: 'Follow-up',
};

/**
 * What the auditor's status says, shown wherever it is: an accepted request is one the auditor
 * has what they asked for — it says nothing yet about whether the control works.
 */
export const AUDITOR_STATUS_MEANING: Record<AuditorStatus, string> = {
  accepted: 'Accepted — the request is satisfied, not that the control works',
  follow_up: 'Follow-up — the auditor needs more for this request',
};

/** A follow-up means the auditor is still missing something: red, as anything missing is. */
export const AUDITOR_STATUS_TONES: Record<AuditorStatus, Tone> = {
  accepted: 'met',
  follow_up: 'missing',
};

/** The short line a request goes by in the palette and the drawer title. */
export function requestLabel(r: Pick<AuditRequest, 'ref' | 'description'>, max = 60): string {
  const text = r.description.replace(/\s+/g, ' ').trim();
  const short = text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  return short ? `${r.ref} ${short}` : r.ref;
}

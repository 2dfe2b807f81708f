import type { AuditRequest } from '../../../shared/api/requests';
import type { StepStatus } from '../../app/step-status-store';
import { plural } from '../../components/format';

/**
 * What the Documentation step says in the navigation while the auditor's list is its content:
 * "42 requests · 5 overdue". The ring is the share handed to the auditor; it turns teal only
 * when the auditor has accepted every request, never on our own say-so.
 */
export function requestsNavStatus(
  items: readonly Pick<AuditRequest, 'status' | 'overdue' | 'auditorStatus'>[],
  locale?: string,
): StepStatus | null {
  if (items.length === 0) return null;
  const overdue = items.filter((r) => r.overdue).length;
  const submitted = items.filter((r) => r.status === 'submitted').length;
  const accepted = items.filter((r) => r.auditorStatus === 'accepted').length;
  const count = plural(items.length, 'request', 'requests', locale);
  return {
    text: overdue > 0 ? `${count} · ${overdue} overdue` : `${count} · ${submitted} submitted`,
    tone: overdue > 0 ? 'missing' : accepted === items.length ? 'met' : 'partial',
    progress: submitted / items.length,
  };
}

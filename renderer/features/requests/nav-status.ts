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

/** The policies and evidence the Documentation step also holds, counted. */
export interface DocumentationCounts {
  policies: readonly { status: 'not_written' | 'draft' | 'approved' | 'approved_with_draft' }[];
  evidence: { total: number; unreviewed: number };
}

/**
 * What the Documentation step says in the navigation: its three parts, each only once it has
 * content — the auditor's requests ("42 requests · 5 overdue"), the policies approved
 * ("3/25 policies approved") and the evidence ("4 evidence to review", or "140 evidence
 * reviewed"). Red while a request is overdue; teal only when every request is accepted by the
 * auditor, every policy approved and every item reviewed; amber otherwise. The ring is the mean
 * of each part's share done (submitted, approved, reviewed). Nothing yet: null ("Not started").
 */
export function documentationNavStatus(
  requests: readonly Pick<AuditRequest, 'status' | 'overdue' | 'auditorStatus'>[],
  counts: DocumentationCounts,
  locale?: string,
): StepStatus | null {
  const parts: string[] = [];
  const shares: number[] = [];
  let done = true;
  const fromRequests = requestsNavStatus(requests, locale);
  if (fromRequests) {
    parts.push(fromRequests.text);
    shares.push(fromRequests.progress ?? 0);
    done &&= fromRequests.tone === 'met';
  }
  const policies = counts.policies.length;
  if (policies > 0) {
    const approved = counts.policies.filter(
      (p) => p.status === 'approved' || p.status === 'approved_with_draft',
    ).length;
    parts.push(`${approved}/${policies} policies approved`);
    shares.push(approved / policies);
    done &&= approved === policies;
  }
  const { total, unreviewed } = counts.evidence;
  if (total > 0) {
    parts.push(unreviewed > 0 ? `${unreviewed} evidence to review` : `${total} evidence reviewed`);
    shares.push((total - unreviewed) / total);
    done &&= unreviewed === 0;
  }
  if (parts.length === 0) return null;
  return {
    text: parts.join(' · '),
    tone: fromRequests?.tone === 'missing' ? 'missing' : done ? 'met' : 'partial',
    progress: shares.reduce((a, b) => a + b, 0) / shares.length,
  };
}

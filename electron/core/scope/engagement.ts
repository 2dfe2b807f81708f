import type { EngagementPatch } from '../../../shared/api/methods/scope';
import { engagementPatch } from '../../../shared/api/methods/scope';
import { AttestError, type ValidationIssue } from '../../../shared/api/errors';
import type { Engagement } from '../../../shared/api/vault';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { ENGAGEMENT_ID, updateEngagement } from '../../db/repos/engagement';
import type { EngagementTable } from '../../db/schema';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';

/**
 * Saves scope answers. Switching the report type clears the other type's date(s), and the merged
 * engagement must hold together (a Type II period ends after it starts).
 */
export function updateEngagementDetails(vault: Vault, input: EngagementPatch): Engagement {
  const patch = engagementPatch.parse(input);
  return tx(vault.db, () => {
    const current = getEngagement(vault);
    const merged = { ...current, ...patch };
    if (patch.reportType === 'type1' && patch.period === undefined) merged.period = null;
    if (patch.reportType === 'type2' && patch.asOf === undefined) merged.asOf = null;
    const issues: ValidationIssue[] = [];
    if (merged.reportType === 'type1' && merged.period) {
      issues.push({ path: ['period'], message: 'A Type I report has an as-of date, not a period' });
    }
    if (merged.reportType === 'type2' && merged.asOf) {
      issues.push({
        path: ['asOf'],
        message: 'A Type II report covers a period, not an as-of date',
      });
    }
    if (merged.period && merged.period.end <= merged.period.start) {
      issues.push({ path: ['period', 'end'], message: 'The period must end after it starts' });
    }
    if (issues.length > 0) throw new AttestError('validation', issues[0]!.message, issues);

    const cols: Partial<EngagementTable> = {
      name: merged.name,
      client: merged.client,
      services: merged.services,
      auditor_firm: merged.auditorFirm,
      contacts: JSON.stringify(merged.contacts),
      report_type: merged.reportType,
      as_of: merged.asOf,
      period_start: merged.period?.start ?? null,
      period_end: merged.period?.end ?? null,
      categories: JSON.stringify(merged.categories),
      scope_step: Math.max(current.scopeStep, merged.scopeStep),
      updated_at: vault.now(),
    };
    updateEngagement(vault.db, cols);
    recordChange(vault, {
      action: 'update',
      entity: 'engagement',
      entityId: ENGAGEMENT_ID,
      payload: patch,
    });
    return getEngagement(vault);
  });
}

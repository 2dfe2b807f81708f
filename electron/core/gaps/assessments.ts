import type {
  AssessInput,
  AssessedControl,
  AssessedSortKey,
  Assessment,
  ControlWarning,
} from '../../../shared/api/gaps';
import { assessInput } from '../../../shared/api/gaps';
import { AttestError } from '../../../shared/api/errors';
import type { AssessmentStatus } from '../../../shared/domain/coverage';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import {
  type AssessedControlRow,
  type ControlListFilter,
  type WarningContext,
  controlIdsMatching,
  listAssessedControlPage,
} from '../../db/repos/control-list';
import { getControlRow } from '../../db/repos/controls';
import { getAssessmentRow, listAssessmentRows, putAssessment } from '../../db/repos/gaps';
import { getPerson } from '../../db/repos/people';
import type { AssessmentTable } from '../../db/schema';
import { currentPersonId } from '../people/people';
import { toControls } from '../scope/controls';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';

export function toAssessment(row: AssessmentTable): Assessment {
  return {
    controlId: row.control_id,
    status: row.status as AssessmentStatus,
    naReason: row.na_reason,
    notes: row.notes,
    assessorId: row.assessor_id,
    assessedOn: row.assessed_on,
    updatedAt: row.updated_at,
  };
}

export function assessmentsByControl(vault: Vault): Map<string, Assessment> {
  return new Map(listAssessmentRows(vault.db).map((r) => [r.control_id, toAssessment(r)]));
}

/** Records one control's assessment; the assessor defaults to the current user, the date to today. */
export function assessControl(vault: Vault, input: AssessInput): Assessment {
  const v = assessInput.parse(input);
  return tx(vault.db, () => {
    const control = getControlRow(vault.db, v.controlId);
    if (!control) throw new AttestError('not_found', `No control ${v.controlId} in this vault`);
    if (control.archived_at)
      throw new AttestError('conflict', `${control.ref} is archived; restore it to assess it`);
    const assessorId = v.assessorId === undefined ? currentPersonId(vault) : v.assessorId;
    if (assessorId && !getPerson(vault.db, assessorId)) {
      throw new AttestError('validation', `No person ${assessorId} in this vault`, [
        { path: ['assessorId'], message: `No person ${assessorId} in this vault` },
      ]);
    }
    const now = vault.now();
    const action = putAssessment(vault.db, {
      control_id: v.controlId,
      status: v.status,
      na_reason: v.status === 'not_applicable' ? v.naReason : null,
      notes: v.notes,
      assessor_id: assessorId,
      assessed_on: v.assessedOn ?? now.slice(0, 10),
      updated_at: now,
    });
    recordChange(vault, {
      action,
      entity: 'assessment',
      entityId: v.controlId,
      payload: { status: v.status, naReason: v.naReason, notes: v.notes },
    });
    return toAssessment(getAssessmentRow(vault.db, v.controlId)!);
  });
}

/**
 * The same status for several controls at once, all or nothing. Only the status (and the
 * not-applicable reason) changes: each control's notes, assessor and date are kept.
 */
export function assessMany(
  vault: Vault,
  controlIds: readonly string[],
  status: AssessmentStatus,
  naReason: string | null,
): Assessment[] {
  return tx(vault.db, () =>
    controlIds.map((controlId) => {
      const prior = getAssessmentRow(vault.db, controlId);
      return assessControl(vault, {
        controlId,
        status,
        naReason,
        ...(prior
          ? { notes: prior.notes, assessorId: prior.assessor_id, assessedOn: prior.assessed_on }
          : {}),
      });
    }),
  );
}

/** Where "operating since after the start" is measured from (Type II: the period's start). */
export function warningContext(vault: Vault): WarningContext {
  const e = getEngagement(vault);
  return { start: (e.reportType === 'type2' ? e.period?.start : e.asOf) ?? null };
}

/**
 * "Select all matching": the controls a list filter selects, resolved in SQL on the server so
 * a selection is never limited to the rows the window has loaded, less those unticked since.
 * None is a validation error: the filter changed under the user, and saying "0 changed" would
 * hide it.
 */
export function controlsMatching(
  vault: Vault,
  filter: ControlListFilter,
  except: readonly string[] = [],
): string[] {
  const left = new Set(except);
  const ids = controlIdsMatching(vault.db, filter, warningContext(vault)).filter(
    (id) => !left.has(id),
  );
  if (ids.length === 0)
    throw new AttestError('validation', 'No control matches the filter, so nothing was changed.');
  return ids;
}

export interface AssessedControlQuery extends ControlListFilter {
  sort?: { key: AssessedSortKey; dir: 'asc' | 'desc' } | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The gap analysis' table: controls with their state and warnings, filtered and paged in SQL. */
export function listAssessedControls(
  vault: Vault,
  q: AssessedControlQuery,
): { items: AssessedControl[]; nextCursor: string | null; total: number } {
  const { limit, cursor, sort, ...filter } = q;
  const page = listAssessedControlPage(
    vault.db,
    filter,
    warningContext(vault),
    sort ?? { key: 'ref', dir: 'asc' },
    { limit, cursor },
  );
  const controls = toControls(vault, page.rows);
  return {
    items: page.rows.map((row, i) => ({
      control: controls[i]!,
      status: row.assessment_status as AssessedControl['status'],
      warnings: warningsOf(row),
    })),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}

function warningsOf(row: AssessedControlRow): ControlWarning[] {
  const out: ControlWarning[] = [];
  if (row.w_no_owner) out.push('no_owner');
  if (row.w_same_performer_reviewer) out.push('same_performer_reviewer');
  if (row.w_late_start) out.push('late_start');
  return out;
}

import { z } from 'zod';
import { AttestError } from '../../../shared/api/errors';
import {
  REVIEW_FIGURES,
  type ReviewComparison,
  type ReviewFigures,
  type SnapshotSummary,
  type SnapshotView,
  readinessSchema,
  reviewCriterionSchema,
} from '../../../shared/api/readiness';
import { compareCriteria, compareFindings } from '../../../shared/domain/readiness/compare';
import { type Readiness, evaluateReadiness } from '../../../shared/domain/readiness/evaluate';
import { chainHead, recordChange } from '../../db/audit';
import { canonicalJson } from '../../db/canonical';
import { tx } from '../../db/connection';
import { getPerson } from '../../db/repos/people';
import {
  getReviewSnapshotRow,
  insertReviewSnapshot,
  lastReviewSnapshotSeq,
  listReviewSnapshotRows,
} from '../../db/repos/review-snapshots';
import type { ReviewSnapshotTable } from '../../db/schema';
import { coverageView } from '../gaps/coverage';
import type { Vault } from '../vault/session';
import { readinessFacts } from './facts';

/** What a snapshot's `result` column holds: the review and its criteria, as frozen. */
const frozenResult = z.object({
  readiness: readinessSchema,
  criteria: z.array(reviewCriterionSchema),
});
type FrozenResult = z.infer<typeof frozenResult>;

/** The review as of the vault's today: the rules' result and the criteria's coverage. */
export function currentReview(vault: Vault): FrozenResult {
  const readiness = evaluateReadiness(readinessFacts(vault));
  const criteria = coverageView(vault).criteria.map((c) => ({
    id: c.id,
    category: c.category,
    status: c.status,
    reason: c.reason,
    keyControlIds: c.keyControlIds,
    exceptions: c.exceptions,
  }));
  return { readiness, criteria };
}

function figuresOf(r: Readiness): ReviewFigures {
  return {
    blocked: r.blocked,
    blocking: r.counts.blocking,
    major: r.counts.major,
    minor: r.counts.minor,
    checks: r.checks,
    passing: r.passing,
    percentPassing: r.percentPassing,
    windowsToCome: r.windowsToCome,
  };
}

function toSummary(vault: Vault, row: Omit<ReviewSnapshotTable, 'result'>): SnapshotSummary {
  const person = getPerson(vault.db, row.signed_off_by_id);
  if (!person) throw new Error(`Snapshot ${row.ref} names a missing person`);
  return {
    id: row.id,
    ref: row.ref,
    evaluatedOn: row.evaluated_on,
    figures: {
      blocked: row.blocked === 1,
      blocking: row.blocking,
      major: row.major,
      minor: row.minor,
      checks: row.checks,
      passing: row.passing,
      percentPassing: row.percent_passing,
      windowsToCome: row.windows_to_come,
    },
    chainHead: { seq: row.chain_seq, hash: row.chain_hash },
    signedOffBy: { id: person.id, name: person.name },
    signedOffAt: row.signed_off_at,
    comment: row.comment,
  };
}

/**
 * Freezes the review as of today. One transaction: the facts read, the chain head taken and the
 * row written cannot straddle another change. The head is the chain *before* this snapshot's own
 * audit entry, which then extends it.
 */
export function freezeReview(
  vault: Vault,
  input: { signedOffById: string; comment: string },
): SnapshotSummary {
  return tx(vault.db, () => {
    const person = getPerson(vault.db, input.signedOffById);
    if (!person) {
      throw new AttestError('validation', 'Choose who signs off this review from People', [
        { path: ['signedOffById'], message: `No person ${input.signedOffById} in this vault` },
      ]);
    }
    if (person.archived_at !== null) {
      throw new AttestError('validation', `${person.name} is archived: choose a current person`, [
        { path: ['signedOffById'], message: `${person.name} is archived` },
      ]);
    }
    const review = currentReview(vault);
    const figures = figuresOf(review.readiness);
    const head = chainHead(vault.db);
    const seq = lastReviewSnapshotSeq(vault.db) + 1;
    const now = vault.now();
    const row: ReviewSnapshotTable = {
      id: vault.ids.next('rvw'),
      seq,
      ref: `RV-${seq}`,
      evaluated_on: review.readiness.evaluatedOn,
      result: canonicalJson(review),
      blocked: figures.blocked ? 1 : 0,
      blocking: figures.blocking,
      major: figures.major,
      minor: figures.minor,
      checks: figures.checks,
      passing: figures.passing,
      percent_passing: figures.percentPassing,
      windows_to_come: figures.windowsToCome,
      chain_seq: head.seq,
      chain_hash: head.hash,
      signed_off_by_id: person.id,
      signed_off_at: now,
      comment: input.comment,
      created_at: now,
    };
    insertReviewSnapshot(vault.db, row);
    recordChange(vault, {
      action: 'create',
      entity: 'review_snapshot',
      entityId: row.id,
      payload: { signedOffById: person.id, comment: input.comment, evaluatedOn: row.evaluated_on },
    });
    return toSummary(vault, row);
  });
}

export function listSnapshots(vault: Vault): SnapshotSummary[] {
  return listReviewSnapshotRows(vault.db).map((r) => toSummary(vault, r));
}

function requireSnapshot(vault: Vault, id: string): ReviewSnapshotTable {
  const row = getReviewSnapshotRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No frozen review ${id} in this vault`);
  return row;
}

export function getSnapshot(vault: Vault, id: string): SnapshotView {
  const row = requireSnapshot(vault, id);
  const result = frozenResult.parse(JSON.parse(row.result));
  return { ...toSummary(vault, row), ...result };
}

/**
 * Compares an earlier frozen review with a later one, or with the review as of today. The
 * earlier one is whichever was frozen first, so the words improved and regressed keep their
 * sense whichever order the two are picked in.
 */
export function compareReviews(vault: Vault, fromId: string, toId?: string): ReviewComparison {
  let from = getSnapshot(vault, fromId);
  let to: { id: string; ref: string; evaluatedOn: string } & FrozenResult;
  if (toId === undefined) {
    const now = currentReview(vault);
    to = { id: 'current', ref: 'Today', evaluatedOn: now.readiness.evaluatedOn, ...now };
  } else {
    to = getSnapshot(vault, toId);
    if (requireSnapshot(vault, toId).seq < requireSnapshot(vault, fromId).seq) {
      [from, to] = [to as SnapshotView, from];
    }
  }
  const changes = compareFindings(from.readiness.findings, to.readiness.findings);
  const a = figuresOf(from.readiness);
  const b = figuresOf(to.readiness);
  return {
    from: { id: from.id, ref: from.ref, evaluatedOn: from.evaluatedOn },
    to: { id: to.id, ref: to.ref, evaluatedOn: to.evaluatedOn },
    ...changes,
    figures: Object.fromEntries(
      REVIEW_FIGURES.map((k) => [k, { from: a[k], to: b[k] }]),
    ) as ReviewComparison['figures'],
    criteria: compareCriteria(from.criteria, to.criteria),
  };
}

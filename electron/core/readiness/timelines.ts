import type { ControlTimeline, TimelineState, TimelinesView } from '../../../shared/api/readiness';
import type { Frequency } from '../../../shared/domain/catalog';
import type { WindowStatus } from '../../../shared/domain/occurrences';
import { windowLabel } from '../../../shared/domain/timeline-label';
import { all } from '../../db/connection';
import { listControlRows } from '../../db/repos/controls';
import {
  type ControlOccurrences,
  currentInstances,
  occurrenceEngagement,
  occurrencesOf,
  reviewedInstances,
} from '../gaps/control-evidence';
import { listDeviations } from '../self-tests/view';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';

/**
 * Each in-scope control over the period (E item 3): its windows as the readiness rules see them
 * (`occurrencesOf` over reviewed evidence, the one occurrence module), where a window still
 * missing or to come is shown "not reviewed" when unreviewed evidence would fill it; the latest
 * self-test and the deviations still awaiting management's response. Everything is read in bulk:
 * one query per table, never per control.
 */
export function controlTimelines(vault: Vault): TimelinesView {
  const engagement = getEngagement(vault);
  const occEngagement = occurrenceEngagement(vault);
  const evaluatedOn = vault.now().slice(0, 10);
  // In scope: every control not archived (scoping archives the rest), implemented or not — a
  // control still being built has windows to fill all the same.
  const controls = listControlRows(vault.db);
  const [reviewed, anyEvidence] = occurrencesOf(
    vault,
    controls,
    [reviewedInstances(vault), currentInstances(vault, false)],
    true,
  ) as [Map<string, ControlOccurrences>, Map<string, ControlOccurrences>];
  const owners = new Map(
    all(vault.db, vault.db.qb.selectFrom('person').select(['id', 'name'])).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const keyIds = new Set(
    all(
      vault.db,
      vault.db.qb.selectFrom('control_criterion').select('control_id').where('key', '=', 1),
    ).map((r) => r.control_id),
  );
  const selfTests = latestSelfTests(vault);
  const openDeviations = new Map<string, number>();
  for (const d of listDeviations(vault, {}))
    if (!d.withdrawn && d.reportable && d.responseMissing)
      openDeviations.set(d.controlId, (openDeviations.get(d.controlId) ?? 0) + 1);

  const rows: ControlTimeline[] = controls.map((c) => {
    const occ = reviewed.get(c.id);
    const loose = anyEvidence.get(c.id);
    const mode = occ?.mode ?? (engagement.reportType === 'type1' ? 'type1' : 'windows');
    return {
      id: c.id,
      ref: c.ref,
      title: c.title,
      ownerId: c.owner_id,
      ownerName: c.owner_id ? (owners.get(c.owner_id) ?? null) : null,
      frequency: c.frequency,
      nature: c.nature,
      key: keyIds.has(c.id),
      mode,
      windows: (occ?.windows ?? []).map((w, k) => ({
        label: windowLabel(c.frequency as Frequency, mode, w.start, w.end),
        start: w.start,
        end: w.end,
        partial: w.partial,
        state: stateOf(w.status, loose?.windows[k]?.status),
      })),
      selfTest: selfTests.get(c.id) ?? null,
      openDeviations: openDeviations.get(c.id) ?? 0,
    };
  });
  return {
    reportType: engagement.reportType,
    evaluatedOn,
    period:
      occEngagement?.type === 'type2'
        ? { start: occEngagement.start, end: occEngagement.end }
        : null,
    controls: rows,
  };
}

/**
 * A window's state: what reviewed evidence says, except that a window reviewed evidence leaves
 * missing or to come is "not reviewed" when evidence awaiting review would meet it.
 */
function stateOf(reviewed: WindowStatus, anyEvidence: WindowStatus | undefined): TimelineState {
  if (reviewed === 'met') return 'reviewed';
  if (reviewed === 'late') return 'late';
  if (anyEvidence === 'met' || anyEvidence === 'late') return 'unreviewed';
  return reviewed;
}

/** Each control's most recent self-test (by when it was drawn) with its items and deviations. */
function latestSelfTests(vault: Vault): Map<string, NonNullable<ControlTimeline['selfTest']>> {
  const db = vault.db;
  const tests = all(
    db,
    db.qb
      .selectFrom('self_test')
      .select(['id', 'ref', 'control_id', 'drawn_at'])
      .orderBy('drawn_at', 'desc')
      .orderBy('seq', 'desc'),
  );
  const latest = new Map<string, (typeof tests)[number]>();
  for (const t of tests) if (!latest.has(t.control_id)) latest.set(t.control_id, t);
  const counts = (table: 'self_test_item' | 'deviation', openOnly: boolean) => {
    let q = db.qb
      .selectFrom(table)
      .select(['test_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('test_id');
    if (openOnly) q = q.where('withdrawn_at' as never, 'is', null);
    return new Map(all(db, q).map((r) => [r.test_id, Number(r.n)]));
  };
  const items = counts('self_test_item', false);
  const deviations = counts('deviation', true);
  const out = new Map<string, NonNullable<ControlTimeline['selfTest']>>();
  for (const [controlId, t] of latest)
    out.set(controlId, {
      id: t.id,
      ref: t.ref,
      drawnOn: t.drawn_at.slice(0, 10),
      items: items.get(t.id) ?? 0,
      deviations: deviations.get(t.id) ?? 0,
    });
  return out;
}

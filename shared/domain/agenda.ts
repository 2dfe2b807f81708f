/**
 * What is due this week, and what is overdue (E item 6): the dashboard's agenda. Pure over
 * gathered facts, as of one date, so the same vault state and date give the same list.
 *
 * Three kinds of thing fall due: an occurrence window of a control closing (its evidence is due
 * by then), a remediation task's due date and a policy's next review. Overdue: a window closed
 * without reviewed evidence, a task past due and not done, a review date passed. Self-tests
 * whose sampled items are not all tested are listed apart: a sample has no due date of its own.
 */
import { addDays } from './calendar';
import type { FixTarget } from './readiness/finding';

/** In the order an agenda lists them: what someone must do first, then what evidence is owed. */
export const AGENDA_KINDS = ['task', 'policy_review', 'evidence_window', 'self_test'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** "Due this week": today and the six days after it. */
export const AGENDA_DAYS = 7;

export interface AgendaItem {
  kind: AgendaKind;
  /** What it is about, as the user knows it: "AC-04", "TSK-12", "Access Control Policy". */
  object: string;
  /** What falls due, in a plain sentence. */
  title: string;
  /** null for a sample to test, which has no due date of its own. */
  due: string | null;
  overdue: boolean;
  /** The occurrence window an evidence item is owed for (shown in the reader's date format). */
  window: { start: string; end: string } | null;
  target: FixTarget | { screen: 'task'; id: string };
}

export interface AgendaFacts {
  today: string;
  controls: readonly {
    id: string;
    ref: string;
    /** Controls assessed not applicable owe nothing. */
    applicable: boolean;
    windows: readonly { start: string; end: string; status: string }[];
  }[];
  tasks: readonly { id: string; ref: string; title: string; dueOn: string | null; done: boolean }[];
  policies: readonly { id: string; title: string; nextReviewOn: string | null }[];
  selfTests: readonly {
    id: string;
    controlId: string;
    controlRef: string;
    items: number;
    tested: number;
  }[];
}

export interface Agenda {
  today: string;
  /** The last day counted as "this week". */
  until: string;
  overdue: AgendaItem[];
  dueSoon: AgendaItem[];
  samplesToTest: AgendaItem[];
}

/** Occurrence-window states that owe evidence by the window's end (see `occurrences.ts`). */
const OWING: ReadonlySet<string> = new Set(['scheduled', 'missing']);

export function agenda(f: AgendaFacts): Agenda {
  const until = addDays(f.today, AGENDA_DAYS - 1);
  const items: AgendaItem[] = [];
  for (const c of f.controls) {
    if (!c.applicable) continue;
    for (const w of c.windows) {
      if (!OWING.has(w.status) || w.end > until) continue;
      items.push({
        kind: 'evidence_window',
        object: c.ref,
        title:
          w.end < f.today ? 'No reviewed evidence for the window' : 'Evidence due for the window',
        due: w.end,
        overdue: w.end < f.today,
        window: { start: w.start, end: w.end },
        target: { screen: 'control', id: c.id },
      });
    }
  }
  for (const t of f.tasks) {
    if (t.done || t.dueOn === null || t.dueOn > until) continue;
    items.push({
      kind: 'task',
      object: t.ref,
      title: t.title,
      due: t.dueOn,
      overdue: t.dueOn < f.today,
      window: null,
      target: { screen: 'task', id: t.id },
    });
  }
  for (const p of f.policies) {
    if (p.nextReviewOn === null || p.nextReviewOn > until) continue;
    items.push({
      kind: 'policy_review',
      object: p.title,
      title: 'Review the policy in force',
      due: p.nextReviewOn,
      overdue: p.nextReviewOn < f.today,
      window: null,
      target: { screen: 'policy', id: p.id },
    });
  }
  // Tasks and reviews before evidence (a busy engagement owes evidence for many windows, which
  // would bury the few things someone was asked to do), then soonest first.
  items.sort(
    (a, b) =>
      AGENDA_KINDS.indexOf(a.kind) - AGENDA_KINDS.indexOf(b.kind) ||
      (a.due ?? '').localeCompare(b.due ?? '') ||
      a.object.localeCompare(b.object),
  );
  return {
    today: f.today,
    until,
    overdue: items.filter((i) => i.overdue),
    dueSoon: items.filter((i) => !i.overdue),
    samplesToTest: f.selfTests
      .filter((s) => s.tested < s.items)
      .map((s) => ({
        kind: 'self_test' as const,
        object: s.controlRef,
        title: `${s.tested} of ${s.items} sampled items tested`,
        due: null,
        overdue: false,
        window: null,
        target: { screen: 'controlTesting' as const, id: s.controlId },
      }))
      .sort((a, b) => a.object.localeCompare(b.object)),
  };
}

/**
 * The dashboard's agenda (E item 6): gathers what `shared/domain/agenda.ts` needs as of the
 * vault's today — each control's occurrence windows, tasks, policies in force and self-tests.
 */
import { type Agenda, agenda } from '../../../shared/domain/agenda';
import { listControlRows } from '../../db/repos/controls';
import { listTaskRows } from '../../db/repos/gaps';
import { assessmentsByControl } from '../gaps/assessments';
import { listPolicies } from '../policies/policies';
import { listSelfTests } from '../self-tests/view';
import type { Vault } from '../vault/session';
import { windowsByControl } from './facts';

export function agendaOf(vault: Vault): Agenda {
  const today = vault.now().slice(0, 10);
  const windows = windowsByControl(vault, today);
  const assessments = assessmentsByControl(vault);
  return agenda({
    today,
    controls: listControlRows(vault.db).map((c) => ({
      id: c.id,
      ref: c.ref,
      applicable: assessments.get(c.id)?.status !== 'not_applicable',
      windows: windows.get(c.id) ?? [],
    })),
    tasks: listTaskRows(vault.db).map((t) => ({
      id: t.id,
      ref: t.ref,
      title: t.title,
      dueOn: t.due_on,
      done: t.status === 'done',
    })),
    policies: listPolicies(vault, false).map((p) => ({
      id: p.id,
      title: p.title,
      nextReviewOn: p.nextReviewOn,
    })),
    // A re-tested control's earlier test is closed by the later one.
    selfTests: listSelfTests(vault)
      .filter((t) => t.retestedById === null)
      .map((t) => ({
        id: t.id,
        controlId: t.controlId,
        controlRef: t.controlRef,
        items: t.sampleSize,
        tested: t.itemsTested,
      })),
  });
}

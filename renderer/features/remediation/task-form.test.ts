import { describe, expect, it } from 'vitest';
import type { TaskProposal } from '../../../shared/api/tasks';
import { NEW_TASK, checkTask, proposalEdits, proposalToForm } from './task-form';
import { planCounts } from './plan';

const proposal: TaskProposal = {
  controlId: 'ctl_abc',
  ref: 'AC-02',
  title: 'Implement AC-02: MFA',
  description: 'Turn it on.',
  suggestedOwnerId: 'per_1',
  priority: 'high',
  gapStatus: 'not_implemented',
};

describe('task form', () => {
  it('asks for a title in the contract’s words', () => {
    expect(checkTask(NEW_TASK)).toEqual({ title: 'Give the task a title' });
    expect(checkTask({ ...NEW_TASK, title: 'Rotate keys' })).toEqual({});
  });

  it('accepts a proposal with only the fields the user changed', () => {
    const values = proposalToForm(proposal);
    expect(proposalEdits(proposal, values)).toEqual({});
    expect(
      proposalEdits(proposal, {
        ...values,
        ownerId: 'per_2',
        dueOn: '2026-12-31',
        priority: 'low',
      }),
    ).toEqual({ ownerId: 'per_2', dueOn: '2026-12-31', priority: 'low' });
  });
});

describe('planCounts', () => {
  it('counts done, open and overdue', () => {
    const t = (status: 'todo' | 'done', overdue: boolean) =>
      ({ status, overdue }) as Parameters<typeof planCounts>[0][number];
    expect(planCounts([t('todo', true), t('todo', false), t('done', false)])).toEqual({
      total: 3,
      done: 1,
      open: 2,
      overdue: 1,
    });
  });
});

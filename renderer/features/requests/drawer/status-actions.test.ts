import { describe, expect, it } from 'vitest';
import { statusMoves } from './status-actions';

describe('statusMoves', () => {
  it('offers the usual next step and every other status before submission', () => {
    const moves = statusMoves('in_progress', true);
    expect(moves.next).toEqual({
      to: 'ready_for_review',
      label: 'Ready for review',
      blocked: null,
    });
    expect(moves.others.map((m) => m.to)).toEqual(['new', 'assigned', 'submitted']);
    expect(moves.canReopen).toBe(false);
  });

  it('says an owner is needed to assign, rather than hiding the step', () => {
    expect(statusMoves('new', false).next).toEqual({
      to: 'assigned',
      label: 'Assign',
      blocked: 'Choose an owner first',
    });
    expect(statusMoves('in_progress', false).others.find((m) => m.to === 'assigned')?.blocked).toBe(
      'Choose an owner first',
    );
  });

  it('offers only Reopen once submitted', () => {
    expect(statusMoves('submitted', true)).toEqual({ next: null, others: [], canReopen: true });
  });
});

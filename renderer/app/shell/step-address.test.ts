import { describe, expect, it } from 'vitest';
import { stepAddress } from './step-address';

describe('stepAddress: what opens a new step (at its top)', () => {
  it('is another page, or another question of the scoping wizard', () => {
    expect(stepAddress('/gaps', '')).not.toBe(stepAddress('/remediation', ''));
    expect(stepAddress('/scope', '?edit=1&step=4')).not.toBe(
      stepAddress('/scope', '?edit=1&step=5'),
    );
    // Confirming the scope leaves the wizard for the scope itself.
    expect(stepAddress('/scope', '?edit=1&step=9')).not.toBe(stepAddress('/scope', ''));
  });

  it('is not a view toggle, a tab or a drawer inside the same page', () => {
    expect(stepAddress('/remediation', '')).toBe(
      stepAddress('/remediation', '?view=board&task=tsk_1'),
    );
    expect(stepAddress('/gaps', '?view=risks')).toBe(stepAddress('/gaps', '?view=risks&risk=new'));
    expect(stepAddress('/gaps', '?view=table')).toBe(stepAddress('/gaps', '?view=focus'));
    expect(stepAddress('/documentation', '')).toBe(stepAddress('/documentation', '?tab=evidence'));
  });
});

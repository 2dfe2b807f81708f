import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { applyScope } from '../scope/apply-scope';
import { listControls } from '../scope/controls';
import { proposeTasks } from '../tasks/tasks';
import { closeVault } from '../vault/session';
import { assessControl } from './assessments';
import { coverageView } from './coverage';

describe('gaps of a vault', () => {
  it('start at none: a freshly scoped vault lists its controls as not assessed yet', async () => {
    const vault = await newTestVault(tempDir());
    applyScope(vault);
    const controls = listControls(vault, { includeArchived: false, limit: 1000 }).items;
    const fresh = coverageView(vault);
    expect(fresh.gaps).toEqual([]);
    expect(fresh.notAssessed.map((c) => c.ref)).toEqual(controls.map((c) => c.ref));
    expect(proposeTasks(vault)).toEqual([]);

    // Assessing is what makes a gap: one control not implemented is one gap, with a proposal.
    const ac01 = controls.find((c) => c.ref === 'AC-01')!;
    assessControl(vault, { controlId: ac01.id, status: 'not_implemented', notes: '' });
    const after = coverageView(vault);
    expect(after.gaps.map((g) => [g.ref, g.status])).toEqual([['AC-01', 'not_implemented']]);
    expect(after.notAssessed).toHaveLength(controls.length - 1);
    expect(after.notAssessed.map((c) => c.ref)).not.toContain('AC-01');
    expect(proposeTasks(vault).map((p) => p.ref)).toEqual(['AC-01']);
    closeVault(vault);
  });
});

import { describe, expect, it } from 'vitest';
import { type CarveOut, type CoverageControl, computeCoverage } from './coverage';

const c = (
  id: string,
  criteria: string[],
  assessment: CoverageControl['assessment'],
  evidence: CoverageControl['evidence'] = 'none',
): CoverageControl => ({
  id,
  criteria,
  assessment,
  evidence,
});

describe('criterion coverage', () => {
  it.each<[string, CoverageControl[], CarveOut[], string | null, string, string]>([
    ['no control at all', [], [], null, 'not_mapped', 'No applicable control'],
    [
      'only a not-applicable control',
      [c('a', ['CC6.1'], 'not_applicable')],
      [],
      null,
      'not_mapped',
      'No applicable control',
    ],
    ['an unassessed control', [c('a', ['CC6.1'], null)], [], null, 'mapped', 'not yet assessed'],
    [
      'a not-implemented control',
      [c('a', ['CC6.1'], 'not_implemented')],
      [],
      null,
      'mapped',
      'no serving control is implemented',
    ],
    [
      'a partial control with evidence',
      [c('a', ['CC6.1'], 'partial', 'complete')],
      [],
      null,
      'mapped',
      'no serving control is implemented',
    ],
    [
      'implemented on self-assessment alone',
      [c('a', ['CC6.1'], 'implemented')],
      [],
      null,
      'mapped',
      'awaiting reviewed evidence',
    ],
    [
      'implemented with partial evidence',
      [c('a', ['CC6.1'], 'implemented', 'partial')],
      [],
      null,
      'mapped',
      'awaiting reviewed evidence',
    ],
    [
      'implemented with reviewed evidence',
      [c('a', ['CC6.1'], 'implemented', 'complete')],
      [],
      null,
      'met',
      'reviewed evidence',
    ],
    [
      'a control for another criterion',
      [c('a', ['CC6.2'], 'implemented', 'complete')],
      [],
      null,
      'not_mapped',
      'No applicable',
    ],
    [
      'not relevant, with a reason',
      [c('a', ['CC6.1'], 'implemented', 'complete')],
      [],
      'No offices',
      'not_relevant',
      'No offices',
    ],
    [
      'carved out without a monitoring control',
      [],
      [{ criteria: ['CC6.1'], monitoringControlId: null }],
      null,
      'mapped',
      'name the control that monitors',
    ],
    [
      'carved out, monitoring control self-assessed',
      [c('m', ['CC9.2'], 'implemented')],
      [{ criteria: ['CC6.1'], monitoringControlId: 'm' }],
      null,
      'mapped',
      'not yet implemented with reviewed evidence',
    ],
    [
      'carved out, monitoring control evidenced',
      [c('m', ['CC9.2'], 'implemented', 'complete')],
      [{ criteria: ['CC6.1'], monitoringControlId: 'm' }],
      null,
      'met',
      'Carved out',
    ],
  ])('%s', (_name, controls, carveOuts, notRelevant, status, reason) => {
    const [result] = computeCoverage(
      [{ id: 'CC6.1', notRelevantReason: notRelevant }],
      controls,
      carveOuts,
    );
    expect(result!.status).toBe(status);
    expect(result!.reason).toContain(reason);
  });

  it('names the controls that serve and the ones that meet', () => {
    const [r] = computeCoverage(
      [{ id: 'CC6.1', notRelevantReason: null }],
      [
        c('a', ['CC6.1'], 'implemented', 'complete'),
        c('b', ['CC6.1'], 'partial'),
        c('x', ['CC6.1'], 'not_applicable'),
      ],
    );
    expect(r).toMatchObject({ controlIds: ['a', 'b'], metBy: ['a'], carvedOut: false });
  });
});

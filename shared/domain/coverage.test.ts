import { describe, expect, it } from 'vitest';
import { type CarveOut, type CoverageControl, computeCoverage } from './coverage';

/** A control key for every criterion it maps to, unless `supporting` names some. */
const c = (
  id: string,
  criteria: string[],
  assessment: CoverageControl['assessment'],
  evidence: CoverageControl['evidence'] = 'none',
  extra: Partial<CoverageControl> = {},
): CoverageControl => ({ id, criteria, assessment, evidence, ...extra });
/** The same, only supporting CC6.1. */
const s = (id: string, assessment: CoverageControl['assessment'], evidence = 'complete' as const) =>
  c(id, ['CC6.1'], assessment, evidence, { supporting: ['CC6.1'] });
const met = (id: string, extra: Partial<CoverageControl> = {}) =>
  c(id, ['CC6.1'], 'implemented', 'complete', extra);
const carve = (monitor: string | null, csocs = true): CarveOut => ({
  criteria: ['CC6.1'],
  csocCriteria: csocs ? ['CC6.1'] : [],
  monitoringControlId: monitor,
});
const MONITOR_MET = c('m', ['CC9.2'], 'implemented', 'complete');

type Row = [string, CoverageControl[], CarveOut[], string | null, string, string];

describe('criterion coverage: met only when every key control is met', () => {
  it.each<Row>([
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
      'not yet implemented with reviewed evidence',
    ],
    [
      'an unassessed and a not-implemented key control: each said as it is',
      [c('a', ['CC6.1'], null), c('b', ['CC6.1'], 'not_implemented')],
      [],
      null,
      'mapped',
      'Mapped — 1 of 2 key controls not yet implemented with reviewed evidence, 1 not yet assessed',
    ],
    [
      'a partial control with evidence',
      [c('a', ['CC6.1'], 'partial', 'complete')],
      [],
      null,
      'mapped',
      'not yet implemented with reviewed evidence',
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
      'implemented with evidence for some windows only',
      [c('a', ['CC6.1'], 'implemented', 'partial')],
      [],
      null,
      'mapped',
      'awaiting reviewed evidence',
    ],
    ['the one key control met', [met('a')], [], null, 'met', 'every key control'],
    [
      'two key controls, one met',
      [met('a'), c('b', ['CC6.1'], 'implemented', 'partial')],
      [],
      null,
      'mapped',
      '1 of 2 key controls',
    ],
    [
      'one unmet key control, however many supporting controls are met',
      [
        c('a', ['CC6.1'], 'not_implemented'),
        s('s1', 'implemented'),
        s('s2', 'implemented'),
        s('s3', 'implemented'),
      ],
      [],
      null,
      'mapped',
      '1 of 1 key control',
    ],
    [
      'supporting controls alone, all met',
      [s('s1', 'implemented'), s('s2', 'implemented')],
      [],
      null,
      'mapped',
      'never meets a criterion alone',
    ],
    [
      'a key control met, a supporting one not: supporting never blocks',
      [met('a'), s('s1', 'not_implemented', 'none' as 'complete')],
      [],
      null,
      'met',
      'every key control',
    ],
    [
      'a not-applicable key control does not count',
      [met('a'), c('x', ['CC6.1'], 'not_applicable')],
      [],
      null,
      'met',
      'every key control',
    ],
    [
      'a control for another criterion',
      [c('a', ['CC6.2'], 'implemented', 'complete')],
      [],
      null,
      'not_mapped',
      'No applicable',
    ],
    ['not relevant, with a reason', [met('a')], [], 'No offices', 'not_relevant', 'No offices'],
    // Self-testing (T): isolated deviations qualify "met", systematic ones undo it.
    [
      'a key control with isolated deviations',
      [met('a', { deviations: 'isolated' })],
      [],
      null,
      'met',
      'Met with exceptions',
    ],
    [
      'a key control with systematic deviations',
      [met('a', { deviations: 'systematic' })],
      [],
      null,
      'mapped',
      'systematic deviations',
    ],
    // Carve-outs.
    [
      'carved out without a monitoring control',
      [],
      [carve(null)],
      null,
      'mapped',
      'name the control that monitors',
    ],
    [
      'carved out, monitoring control self-assessed',
      [c('m', ['CC9.2'], 'implemented')],
      [carve('m')],
      null,
      'mapped',
      'not yet implemented with reviewed evidence',
    ],
    [
      'carved out, monitoring control never assessed',
      [c('m', ['CC9.2'], null)],
      [carve('m')],
      null,
      'mapped',
      'Carved out: our monitoring control is not yet assessed',
    ],
    [
      'carved out, monitoring control met, none of our controls applies: it stands alone',
      [MONITOR_MET],
      [carve('m')],
      null,
      'met',
      'Carved out',
    ],
    [
      'carved out, monitoring control met, but the CSOCs for it are not listed',
      [MONITOR_MET],
      [carve('m', false)],
      null,
      'mapped',
      'list the subservice organisation’s controls',
    ],
    [
      'carved out with failing own key controls: not met though the monitor is',
      [MONITOR_MET, c('a', ['CC6.1'], 'not_implemented')],
      [carve('m')],
      null,
      'mapped',
      'our own controls',
    ],
    [
      'carved out with own key controls self-assessed only',
      [MONITOR_MET, c('a', ['CC6.1'], 'implemented')],
      [carve('m')],
      null,
      'mapped',
      'awaiting reviewed evidence',
    ],
    [
      'carved out with own key controls met and the monitor met',
      [MONITOR_MET, met('a')],
      [carve('m')],
      null,
      'met',
      'our key controls and our monitoring control',
    ],
    [
      'carved out with own key controls met but the monitor not',
      [c('m', ['CC9.2'], 'implemented'), met('a')],
      [carve('m')],
      null,
      'mapped',
      'monitoring control is not yet implemented',
    ],
    [
      'carved out, only our supporting controls apply: the monitor stands alone',
      [MONITOR_MET, s('s1', 'not_implemented')],
      [carve('m')],
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

  it('names the controls that serve, the key ones and the ones that meet', () => {
    const [r] = computeCoverage(
      [{ id: 'CC6.1', notRelevantReason: null }],
      [met('a'), met('b'), s('s1', 'partial'), c('x', ['CC6.1'], 'not_applicable')],
    );
    expect(r).toMatchObject({
      status: 'met',
      controlIds: ['a', 'b', 's1'],
      keyControlIds: ['a', 'b'],
      metBy: ['a', 'b'],
      exceptions: [],
      carvedOut: false,
    });
  });

  it('lists the key controls met with exceptions', () => {
    const [r] = computeCoverage(
      [{ id: 'CC6.1', notRelevantReason: null }],
      [met('a'), met('b', { deviations: 'isolated' })],
    );
    expect(r).toMatchObject({ status: 'met', exceptions: ['b'] });
  });

  it('a key flag is per criterion: the same control supports one and carries another', () => {
    const both = c('a', ['CC6.1', 'CC6.2'], 'implemented', 'complete', { supporting: ['CC6.1'] });
    const [r1, r2] = computeCoverage(
      [
        { id: 'CC6.1', notRelevantReason: null },
        { id: 'CC6.2', notRelevantReason: null },
      ],
      [both],
    );
    expect(r1!.status).toBe('mapped');
    expect(r2!.status).toBe('met');
  });
});

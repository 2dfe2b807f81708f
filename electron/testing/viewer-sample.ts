import type { ViewerData } from '../../shared/domain/package/viewer-data';

/** A small package's viewer data: two requests, two criteria, two controls, three files. */
export function sampleViewerData(overrides: Partial<ViewerData> = {}): ViewerData {
  const hash = (c: string) => c.repeat(64);
  return {
    engagement: {
      name: 'Acme Cloud SOC 2',
      client: 'Acme Ltd',
      type: 'type2',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      asOf: null,
    },
    keyFingerprint: hash('f'),
    generatedAt: '2026-07-15T09:00:00.000Z',
    criteria: [
      { id: 'CC6.1', title: 'Logical access security', controls: ['AC-01'] },
      { id: 'CC6.2', title: 'User registration and removal', controls: ['AC-02'] },
    ],
    controls: [
      {
        ref: 'AC-01',
        title: 'Quarterly access review',
        criteria: ['CC6.1'],
        owner: 'Dana Ops',
        frequency: 'quarterly',
      },
      {
        ref: 'AC-02',
        title: 'Leaver removal within a day',
        criteria: ['CC6.2'],
        owner: null,
        frequency: 'per event',
      },
    ],
    requests: [
      {
        ref: 'PBC-001',
        title: 'Access review evidence for Q1',
        controls: ['AC-01'],
        criteria: ['CC6.1'],
      },
      {
        ref: 'PBC-014',
        title: 'Population of terminations',
        controls: ['AC-02'],
        criteria: ['CC6.2'],
      },
    ],
    files: [
      {
        evidenceId: 'EV-0001',
        title: 'Access review Q1',
        path: '04_Evidence/AC-01/EV-0001_2026-03-31_access-review-Q1.txt',
        sha256: hash('a'),
        size: 1234,
        controls: ['AC-01'],
        criteria: ['CC6.1'],
        requests: ['PBC-001'],
        covers: '2026-01-01..2026-03-31',
      },
      {
        evidenceId: 'EV-0002',
        title: 'Terminations, first half',
        path: '05_Populations/PBC-014_terminations_2026-01-01_2026-06-30.csv',
        sha256: hash('b'),
        size: 90,
        controls: ['AC-02'],
        criteria: ['CC6.2'],
        requests: ['PBC-014'],
        covers: '2026-01-01..2026-06-30',
      },
      {
        evidenceId: 'EV-0003',
        title: 'Access policy screenshot',
        path: '04_Evidence/AC-01/EV-0003_2026-02-01_policy.txt',
        sha256: hash('c'),
        size: 12,
        controls: ['AC-01'],
        criteria: ['CC6.1'],
        requests: [],
        covers: 'as of 2026-02-01',
      },
    ],
    documents: [{ path: '00_README.pdf', title: 'Read me first' }],
    ...overrides,
  };
}

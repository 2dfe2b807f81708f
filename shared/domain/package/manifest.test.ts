import { describe, expect, it } from 'vitest';
import {
  manifestSchema,
  packagePath,
  safeSegment,
  serializeManifest,
  sha256sumsText,
  type Manifest,
  type ManifestFile,
} from './manifest';

const hash = (c: string) => c.repeat(64);

function manifest(files: Manifest['files']): Manifest {
  return {
    format: 1,
    app: { name: 'Attest', version: '0.1.0' },
    generatedAt: '2026-12-04T08:00:00.000Z',
    contentTime: '2026-05-15T10:00:00.000Z',
    engagement: {
      name: 'Acme',
      client: null,
      type: 'type2',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      asOf: null,
      categories: ['security'],
    },
    keyFingerprint: hash('a'),
    chainHead: { seq: 12, hash: hash('b') },
    options: {
      internal: false,
      byRequest: false,
      approvedPoliciesOnly: false,
      reviewedEvidenceOnly: false,
      categories: [],
      since: null,
    },
    delta: null,
    files,
    records: [],
  };
}

const file = (path: string, c = 'c'): ManifestFile => ({
  path,
  sha256: hash(c),
  size: 3,
  kind: 'evidence',
  controls: [],
  criteria: [],
  requests: [],
});

describe('package manifest', () => {
  it('serialises the same content to the same bytes whatever the order files were added', () => {
    const a = serializeManifest(manifest([file('b.txt'), file('a.txt')]));
    const b = serializeManifest(manifest([file('a.txt'), file('b.txt')]));
    expect(a).toBe(b);
    expect(a.endsWith('\n')).toBe(true);
    expect(manifestSchema.parse(JSON.parse(a)).files.map((f) => f.path)).toEqual([
      'a.txt',
      'b.txt',
    ]);
  });

  it('refuses paths that would escape, are absolute, carry spaces or are too long', () => {
    for (const bad of [
      '../x',
      '/etc/passwd',
      'a/../b',
      'a b.pdf',
      'a//b',
      'é.pdf',
      'x'.repeat(150),
      'a\\b',
    ]) {
      expect(packagePath.safeParse(bad).success, bad).toBe(false);
    }
    expect(
      packagePath.safeParse('04_Evidence/CC6.1-01/EV-0123_2026-03-31_review.pdf').success,
    ).toBe(true);
  });

  it('writes SHA256SUMS lines that sha256sum -c reads, sorted by path', () => {
    const text = sha256sumsText([
      { path: 'z.txt', sha256: hash('1') },
      { path: 'a.txt', sha256: hash('2') },
    ]);
    expect(text).toBe(`${hash('2')}  a.txt\n${hash('1')}  z.txt\n`);
  });

  it('makes free text into one safe ASCII segment', () => {
    expect(safeSegment('Access review — Q1 (Zoë)')).toBe('Access-review-Q1-Zoe');
    expect(safeSegment('../../etc')).toBe('etc');
    expect(safeSegment('///')).toBe('untitled');
    expect(safeSegment('a'.repeat(100), 10)).toHaveLength(10);
  });
});

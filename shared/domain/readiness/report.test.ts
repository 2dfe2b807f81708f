import { describe, expect, it } from 'vitest';
import type { ReportBlock } from '../report-doc';
import { evaluateReadiness } from './evaluate';
import type { ReadinessFacts } from './facts';
import { FINDINGS_SHOWN, REPORT_FOOTER, readinessReportBlocks } from './report';
import { FORBIDDEN_CLAIMS } from './status-line';
import { control, ready } from './test-facts';

function blocksFor(facts: ReadinessFacts): ReportBlock[] {
  return readinessReportBlocks({
    engagement: {
      name: 'Acme SOC 2',
      client: 'Acme',
      reportType: 'type2',
      timing: '1 January 2026 to 30 June 2026',
      categories: ['security'],
    },
    fingerprint: 'ab'.repeat(32),
    facts,
    readiness: evaluateReadiness(facts),
    people: { p_owner: 'Ana Lima' },
    controls: {},
    tasks: { open: 2, overdue: 1, done: 3 },
    risks: { total: 4, highResidual: 1, accepted: 1 },
    selfTests: [],
    formatDate: (iso) => `on ${iso}`,
  });
}

const textOf = (blocks: readonly ReportBlock[]) =>
  blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return b.text;
        case 'bullets':
          return b.items.join('\n');
        case 'table':
          return [b.header, ...b.rows].flat().join('\n');
        case 'bars':
          return b.rows.map((r) => r.label).join('\n');
        case 'toc':
          return '';
      }
    })
    .join('\n');

describe('the readiness report', () => {
  it('states what it is not, and never claims what only an auditor can say', () => {
    const text = textOf(blocksFor(ready()));
    expect(text).toContain(REPORT_FOOTER);
    expect(text).toContain('No blocking findings as of on 2026-07-15');
    for (const word of FORBIDDEN_CLAIMS) expect(text).not.toMatch(word);
  });

  it('puts one blocking criterion first and says not ready, however many checks pass', () => {
    const f = ready();
    const facts: ReadinessFacts = {
      ...f,
      criteria: f.criteria.map((c, i) =>
        i === 0 ? { ...c, status: 'mapped', reason: 'A key control is not implemented' } : c,
      ),
    };
    const blocks = blocksFor(facts);
    const text = textOf(blocks);
    expect(text).toMatch(/^Not ready: 1 blocking finding \(/m);
    const blockingAt = blocks.findIndex(
      (b) => b.kind === 'heading' && b.text === 'Blocking findings',
    );
    const table = blocks[blockingAt + 1];
    expect(table?.kind).toBe('table');
    expect(table?.kind === 'table' && table.rows[0]![0]).toBe(f.criteria[0]!.ref);
  });

  it('says "met with exceptions" for a criterion whose key control has isolated deviations', () => {
    const f = ready();
    const facts: ReadinessFacts = {
      ...f,
      criteria: f.criteria.map((c, i) =>
        i === 0 ? { ...c, exceptions: [c.keyControlIds[0]!] } : c,
      ),
    };
    const criteria = blocksFor(facts).find(
      (b) => b.kind === 'table' && b.header[0] === 'Criterion',
    );
    expect(criteria?.kind === 'table' && criteria.rows[0]![1]).toBe('Met with exceptions');
  });

  it('lists findings in full up to a bound, then counts the rest', () => {
    const f = ready();
    const many = Array.from({ length: FINDINGS_SHOWN + 7 }, (_, i) =>
      control(`x${i}`, { ownerId: null }),
    );
    const text = textOf(blocksFor({ ...f, controls: [...f.controls, ...many] }));
    expect(text).toContain('And 7 more, listed on the Readiness page in Attest.');
  });
});

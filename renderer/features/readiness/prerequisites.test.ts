import { describe, expect, it } from 'vitest';
import { PAGES } from '../../app/routes';
import {
  type EngagementFacts,
  availableExports,
  exportNeeds,
  readinessNeeds,
} from './prerequisites';

const FRESH: EngagementFacts = {
  scopeConfirmed: false,
  controls: 0,
  assessed: 0,
  notMapped: 0,
  riskAssessment: 'missing',
  unplannedGaps: 0,
  requests: 0,
  criteria: 0,
  metCriteria: 0,
};

const WORKED: EngagementFacts = {
  scopeConfirmed: true,
  controls: 112,
  assessed: 87,
  notMapped: 3,
  riskAssessment: 'current',
  unplannedGaps: 0,
  requests: 42,
  criteria: 33,
  metCriteria: 5,
};

/** Every link a need offers: none may lead back to the steps that are not built. */
const links = (needs: ReturnType<typeof readinessNeeds>) =>
  needs.flatMap((need) => (need.link ? [need.link.to] : []));

describe('what Readiness and Export will need, from the vault’s real state', () => {
  it('asks a fresh vault for its scope first, and nothing it cannot do yet', () => {
    const needs = readinessNeeds(FRESH);
    expect(needs.map((x) => [x.id, x.state])).toEqual([
      ['scope', 'todo'],
      ['assessed', 'todo'],
      ['risks', 'todo'],
      ['evidence', 'todo'],
    ]);
    expect(needs.find((x) => x.id === 'assessed')?.link).toBeNull();
    expect(needs[0]!.link?.to).toBe('/scope?edit=1');
  });

  it('counts what is done and links only what is left', () => {
    const needs = readinessNeeds(WORKED);
    const byId = Object.fromEntries(needs.map((x) => [x.id, x]));
    expect(byId.assessed).toMatchObject({ state: 'todo', detail: '87 of 112 controls assessed.' });
    expect(byId.mapped).toMatchObject({ state: 'todo', detail: '3 criteria without a control.' });
    expect(byId.risks).toMatchObject({ state: 'done', link: null });
    expect(byId.planned).toMatchObject({ state: 'done', link: null });
    expect(byId.scope?.link).toBeNull();
    expect(byId.evidence).toMatchObject({
      state: 'todo',
      link: { to: '/documentation?tab=evidence' },
    });
    expect(byId.evidence?.detail).toMatch(/^5 of 33 criteria met/);
    const allMet = readinessNeeds({ ...WORKED, metCriteria: 33 }).find((x) => x.id === 'evidence');
    expect(allMet).toMatchObject({ state: 'done', detail: 'All 33 criteria met.', link: null });
  });

  it('never sends the user to Readiness or Export, in any state', () => {
    for (const facts of [FRESH, WORKED, { ...WORKED, riskAssessment: 'stale' as const }]) {
      const all = [
        ...links(readinessNeeds(facts)),
        ...links(availableExports(facts)),
        ...links(exportNeeds()),
      ];
      expect(all.length).toBeGreaterThan(0);
      for (const to of all) {
        expect(to.startsWith(PAGES.readiness)).toBe(false);
        expect(to.startsWith(PAGES.export)).toBe(false);
      }
    }
  });

  it('lists the exports that exist today, each where it is made', () => {
    expect(availableExports(WORKED).map((x) => [x.id, x.state, x.link?.to])).toEqual([
      ['plan', 'done', '/remediation'],
      ['requests', 'done', '/documentation'],
      ['description', 'done', '/scope'],
    ]);
    expect(availableExports(FRESH).map((x) => x.state)).toEqual(['done', 'todo', 'todo']);
    expect(exportNeeds().every((x) => x.state === 'later' && x.link === null)).toBe(true);
  });
});

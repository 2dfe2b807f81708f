import { describe, expect, it } from 'vitest';
import policiesFile from '../../../resources/catalog/policies.json' with { type: 'json' };
import controlsFile from '../../../resources/catalog/controls.json' with { type: 'json' };
import criteriaFile from '../../../resources/catalog/criteria.json' with { type: 'json' };
import { templateMarkdown } from '../../../shared/domain/policy-template';
import {
  POLICY_VARIABLES,
  renderTemplate,
  variablesUsed,
} from '../../../shared/domain/policy-variables';
import { loadCatalog, parseCatalogFiles } from './catalog';

const catalog = loadCatalog();

describe('policy templates', () => {
  it('ship at least 20 written policies, one for every policy key a library control names', () => {
    expect(catalog.policies.length).toBeGreaterThanOrEqual(20);
    const templates = new Map(catalog.policies.map((p) => [p.key, p]));
    for (const c of catalog.controls) {
      const t = templates.get(c.policyKey);
      expect(t, `${c.ref} names ${c.policyKey}`).toBeDefined();
      expect(t!.controls, `${c.policyKey} lists ${c.ref}`).toContain(c.ref);
      expect(templateMarkdown(t!).length, c.policyKey).toBeGreaterThan(800);
    }
  });

  it('use only variables Attest knows, so a shipped template renders without a gap', () => {
    for (const t of catalog.policies) {
      const used = variablesUsed(templateMarkdown(t));
      expect(
        used.filter((v) => !(v in POLICY_VARIABLES)),
        t.key,
      ).toEqual([]);
      const filled = renderTemplate(templateMarkdown(t), {
        company: 'Acme',
        owner: 'Ada Lovelace',
        owner_role: t.ownerRole,
        review_cycle: 'at least once a year',
        ack_days: '30',
      });
      expect(filled.problems, t.key).toEqual([]);
      expect(filled.markdown, t.key).not.toMatch(/\{\{|\}\}/);
      expect(filled.markdown, t.key).toContain('Acme');
    }
  });

  it('promise the frequency their controls run at', () => {
    // The templates and the library agree as shipped; a vault may drift, which the check reports.
    const byRef = new Map(catalog.controls.map((c) => [c.ref, c]));
    for (const t of catalog.policies)
      for (const p of t.promises) {
        if (p.kind !== 'frequency') continue;
        for (const ref of p.controls)
          expect(byRef.get(ref)?.frequency, `${t.key}/${p.id} → ${ref}`).toBe(p.frequency);
      }
  });

  it('state their promises as data: the access control policy reviews quarterly and removes leavers within a business day', () => {
    const ac = catalog.policies.find((p) => p.key === 'access-control')!;
    expect(ac.promises).toContainEqual(
      expect.objectContaining({ kind: 'frequency', frequency: 'quarterly', controls: ['AC-06'] }),
    );
    expect(ac.promises).toContainEqual(
      expect.objectContaining({
        kind: 'time_limit',
        within: { amount: 1, unit: 'business_days' },
        controls: ['AC-05'],
      }),
    );
    const promised = catalog.policies.flatMap((p) => p.promises);
    expect(promised.filter((p) => p.kind === 'time_limit').length).toBeGreaterThanOrEqual(10);
    expect(promised.filter((p) => p.kind === 'frequency').length).toBeGreaterThanOrEqual(30);
  });

  it('are refused when a template forgets a control that names it, or lists one the library lacks', () => {
    const forgetful = structuredClone(policiesFile);
    const ac = forgetful.policies.find((p) => p.key === 'access-control')!;
    ac.controls = ac.controls.filter((r) => r !== 'AC-06');
    ac.promises = ac.promises.filter((p) => !p.controls.includes('AC-06'));
    expect(() => parseCatalogFiles(criteriaFile, controlsFile, forgetful)).toThrow(
      /access-control does not list AC-06/,
    );
    const stray = structuredClone(policiesFile);
    stray.policies[0]!.controls.push('ZZ-99');
    expect(() => parseCatalogFiles(criteriaFile, controlsFile, stray)).toThrow(/no control ZZ-99/);
    const unbound = structuredClone(policiesFile);
    unbound.policies
      .find((p) => p.key === 'encryption')!
      .promises.push({
        id: 'x',
        kind: 'frequency',
        frequency: 'annual',
        text: 'Keys are reviewed yearly',
        controls: ['AC-06'],
      } as never);
    expect(() => parseCatalogFiles(criteriaFile, controlsFile, unbound)).toThrow(
      /promise x binds AC-06/,
    );
  });
});

describe('rendering a template', () => {
  it('fills known variables, spaces inside the braces allowed', () => {
    expect(
      renderTemplate('{{company}} and {{ owner }}.', { company: 'Acme', owner: 'Ada' }),
    ).toEqual({ markdown: 'Acme and Ada.', problems: [] });
  });

  it('reports an unknown variable and never leaves {{…}} in the text', () => {
    const r = renderTemplate('Ask {{ceo_name}} and {{ceo_name}}, then {{}}.', { company: 'Acme' });
    expect(r.markdown).toBe(
      'Ask [To be completed: ceo_name] and [To be completed: ceo_name], then [To be completed: unnamed value].',
    );
    expect(r.markdown).not.toMatch(/\{\{|\}\}/);
    expect(r.problems.map((p) => [p.variable, p.kind])).toEqual([
      ['ceo_name', 'unknown'],
      ['', 'unknown'],
    ]);
    expect(r.problems[0]!.message).toMatch(/Attest does not know/);
  });

  it('marks a known variable without a value as a gap to complete, and reports it', () => {
    const r = renderTemplate('Owned by {{owner}}.', { owner: '  ' });
    expect(r.markdown).toBe('Owned by [To be completed: the policy owner’s name].');
    expect(r.problems).toEqual([expect.objectContaining({ variable: 'owner', kind: 'missing' })]);
  });

  it('does not treat an inherited property name as a variable', () => {
    const r = renderTemplate('{{constructor}} {{__proto__}}', {});
    expect(r.problems.map((p) => p.kind)).toEqual(['unknown', 'unknown']);
  });
});

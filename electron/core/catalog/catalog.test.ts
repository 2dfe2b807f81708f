import { describe, expect, it } from 'vitest';
import controlsFile from '../../../resources/catalog/controls.json' with { type: 'json' };
import criteriaFile from '../../../resources/catalog/criteria.json' with { type: 'json' };
import policiesFile from '../../../resources/catalog/policies.json' with { type: 'json' };
import {
  CONTROL_REF_PATTERN,
  DOMAINS,
  DOMAIN_PREFIXES,
  categoriesOfCriteria,
  isKeyFor,
  controlsFileSchema,
  criteriaFileSchema,
  normaliseCriterionId,
  policiesFileSchema,
} from '../../../shared/domain/catalog';
import {
  catalogVersion,
  controlsForCategories,
  controlsForCriterion,
  criteriaForCategories,
  findControl,
  findCriterion,
  loadCatalog,
  parseCatalogFiles,
} from './catalog';

/**
 * The 61 criterion ids of the 2017 Trust Services Criteria (unchanged by the 2022 revision), copied
 * from shared/reference/soc2-criteria.json so this test does not depend on that folder at run time.
 */
// prettier-ignore
const EXPECTED_IDS = [
  'CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5', 'CC2.1', 'CC2.2', 'CC2.3', 'CC3.1', 'CC3.2',
  'CC3.3', 'CC3.4', 'CC4.1', 'CC4.2', 'CC5.1', 'CC5.2', 'CC5.3', 'CC6.1', 'CC6.2', 'CC6.3',
  'CC6.4', 'CC6.5', 'CC6.6', 'CC6.7', 'CC6.8', 'CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5',
  'CC8.1', 'CC9.1', 'CC9.2', 'A1.1', 'A1.2', 'A1.3', 'C1.1', 'C1.2', 'PI1.1', 'PI1.2', 'PI1.3',
  'PI1.4', 'PI1.5', 'P1.1', 'P2.1', 'P3.1', 'P3.2', 'P4.1', 'P4.2', 'P4.3', 'P5.1', 'P5.2',
  'P6.1', 'P6.2', 'P6.3', 'P6.4', 'P6.5', 'P6.6', 'P6.7', 'P7.1', 'P8.1',
];

/** COSO 2013 principle per CC1–CC5 criterion (same source). */
// prettier-ignore
const COSO: Record<string, number> = {
  'CC1.1': 1, 'CC1.2': 2, 'CC1.3': 3, 'CC1.4': 4, 'CC1.5': 5, 'CC2.1': 13, 'CC2.2': 14,
  'CC2.3': 15, 'CC3.1': 6, 'CC3.2': 7, 'CC3.3': 8, 'CC3.4': 9, 'CC4.1': 16, 'CC4.2': 17,
  'CC5.1': 10, 'CC5.2': 11, 'CC5.3': 12,
};

/**
 * The reference file's one-line paraphrases (same source). Our titles and guidance must be written
 * afresh, not lifted from this column.
 */
const PARAPHRASES: Record<string, string> = {
  'CC1.1': 'Organization shows commitment to integrity and ethical behavior.',
  'CC1.2': 'Board is independent of management and oversees internal control.',
  'CC1.3':
    'Management sets structure, reporting lines, authority and responsibilities under board oversight.',
  'CC1.4': 'Organization attracts, develops and retains competent people aligned to objectives.',
  'CC1.5': 'People are held accountable for their internal control duties.',
  'CC2.1': 'Relevant, quality information is obtained or produced to support controls.',
  'CC2.2': 'Control objectives and responsibilities are communicated internally.',
  'CC2.3': 'Control-relevant matters are communicated with external parties.',
  'CC3.1': 'Objectives are defined clearly enough to identify and assess risks.',
  'CC3.2': 'Risks to objectives are identified and analyzed to decide responses.',
  'CC3.3': 'Potential for fraud is considered when assessing risks.',
  'CC3.4': 'Changes that could significantly affect internal control are identified and assessed.',
  'CC4.1': 'Ongoing and/or separate evaluations confirm controls are present and functioning.',
  'CC4.2': 'Control deficiencies are evaluated and reported promptly for correction.',
  'CC5.1': 'Control activities are chosen to reduce risks to acceptable levels.',
  'CC5.2': 'General control activities over technology are selected and developed.',
  'CC5.3': 'Controls are deployed through policies and implementing procedures.',
  'CC6.1': 'Logical access security protects information assets from security events.',
  'CC6.2':
    'Users registered and authorized before access; credentials removed when no longer authorized.',
  'CC6.3': 'Access granted, changed, removed by role, least privilege, segregation of duties.',
  'CC6.4': 'Physical access to facilities and sensitive assets is restricted.',
  'CC6.5': 'Data is made unrecoverable before protections over assets are dropped.',
  'CC6.6': 'Logical security measures defend against threats from outside system boundaries.',
  'CC6.7': 'Data transmission, movement and removal are restricted and protected.',
  'CC6.8': 'Unauthorized or malicious software is prevented or detected and addressed.',
  'CC7.1': 'Monitoring finds risky configuration changes and newly disclosed vulnerabilities.',
  'CC7.2': 'System components are monitored for anomalies signalling security events.',
  'CC7.3': 'Security events are evaluated to decide whether they are incidents.',
  'CC7.4': 'Incidents are handled through a defined response program.',
  'CC7.5': 'Recovery from security incidents is planned and carried out.',
  'CC8.1': 'Changes to infrastructure, data, software and procedures are controlled end-to-end.',
  'CC9.1': 'Risk mitigation activities address potential business disruptions.',
  'CC9.2': 'Risks from vendors and business partners are assessed and managed.',
  'A1.1': 'Capacity and usage are monitored and managed to meet demand.',
  'A1.2': 'Environmental protections, backups and recovery infrastructure are managed.',
  'A1.3': 'Recovery plan procedures are tested.',
  'C1.1': 'Confidential information is identified and protected per objectives.',
  'C1.2': 'Confidential information is disposed of per objectives.',
  'PI1.1':
    'Processing objectives, data definitions and specifications are defined and communicated.',
  'PI1.2': 'System inputs are controlled for completeness and accuracy.',
  'PI1.3': 'Processing is controlled to produce correct results.',
  'PI1.4': 'Output is delivered completely, accurately and on time.',
  'PI1.5': 'Inputs, in-process items and outputs are stored completely and accurately.',
  'P1.1': 'Data subjects get timely notice of privacy practices and changes.',
  'P2.1': 'Choices and consent for personal data handling are communicated and obtained.',
  'P3.1': 'Personal information is collected only as privacy objectives allow.',
  'P3.2': 'Explicit consent is requested, explained and obtained before collection.',
  'P4.1': 'Use of personal information is limited to stated purposes.',
  'P4.2': 'Personal information is retained only as objectives require.',
  'P4.3': 'Personal information is disposed of securely.',
  'P5.1': 'Authenticated data subjects can access their data; denials are explained.',
  'P5.2': 'Personal data is corrected on request and shared onward; denials explained.',
  'P6.1': 'Disclosure to third parties requires prior data-subject consent.',
  'P6.2': 'Authorized disclosures of personal data are recorded accurately and timely.',
  'P6.3': 'Unauthorized disclosures, including breaches, are recorded accurately and timely.',
  'P6.4': 'Third parties with personal data make privacy commitments and are monitored.',
  'P6.5': 'Third parties commit to report unauthorized disclosures, which are acted on.',
  'P6.6': 'Breaches and incidents are notified to affected subjects, regulators, others.',
  'P6.7': 'Data subjects can obtain an accounting of their data and disclosures.',
  'P7.1': 'Personal information is kept accurate, current, complete and relevant.',
  'P8.1': 'Privacy inquiries, complaints, disputes handled; compliance monitored and corrected.',
};

const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]+/g) ?? []);
const normalised = (s: string) => [...words(s)].sort().join(' ');

/** Share of distinct words two texts have in common (Jaccard). */
function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const common = [...wa].filter((w) => wb.has(w)).length;
  return common / (wa.size + wb.size - common);
}

/** Every string anywhere inside a value, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const catalog = loadCatalog();

describe('shipped catalog files', () => {
  it('each file parses against its schema and all three carry the same version', () => {
    const cr = criteriaFileSchema.parse(criteriaFile);
    const co = controlsFileSchema.parse(controlsFile);
    const po = policiesFileSchema.parse(policiesFile);
    expect(Object.keys(criteriaFile)[0]).toBe('version');
    expect(Object.keys(controlsFile)[0]).toBe('version');
    expect(Object.keys(policiesFile)[0]).toBe('version');
    expect(co.version).toBe(cr.version);
    expect(po.version).toBe(cr.version);
    expect(catalog.version).toBe(cr.version);
    expect(catalogVersion()).toBe(cr.version);
  });

  it('has no empty or padded strings anywhere', () => {
    // A template's Markdown body is exempt: blank and indented lines are part of Markdown.
    const bad = strings(catalog).filter(
      ([path, s]) => !/\.body\[\d+\]$/.test(path) && (s.trim() === '' || s.trim() !== s),
    );
    expect(bad).toEqual([]);
  });
});

describe('criteria', () => {
  it('are exactly the 61 Trust Services Criteria, in report order', () => {
    expect(catalog.criteria.map((c) => c.id)).toEqual(EXPECTED_IDS);
  });

  it('count 33 / 3 / 2 / 5 / 18 per category', () => {
    const counts: Record<string, number> = {};
    for (const c of catalog.criteria) counts[c.category] = (counts[c.category] ?? 0) + 1;
    expect(counts).toEqual({
      security: 33,
      availability: 3,
      confidentiality: 2,
      processing_integrity: 5,
      privacy: 18,
    });
  });

  it('carry the group and COSO principle facts', () => {
    for (const c of catalog.criteria) {
      expect(c.groupId, c.id).toBe(c.id.slice(0, c.id.indexOf('.')));
      expect(c.cosoPrinciple, c.id).toBe(COSO[c.id] ?? null);
    }
    expect(new Set(catalog.criteria.map((c) => c.groupId)).size).toBe(20);
  });

  it('have our own titles and guidance, not the reference paraphrases', () => {
    const titles = new Set<string>();
    for (const c of catalog.criteria) {
      const paraphrase = PARAPHRASES[c.id]!;
      expect(normalised(c.title), c.id).not.toBe(normalised(paraphrase));
      expect(
        overlap(c.title, paraphrase),
        `${c.id} title is too close to the paraphrase`,
      ).toBeLessThan(0.6);
      expect(
        overlap(c.guidance.asks, paraphrase),
        `${c.id} guidance is too close to the paraphrase`,
      ).toBeLessThan(0.5);
      expect(c.guidance.asks.toLowerCase(), c.id).not.toContain(
        paraphrase.toLowerCase().replace(/\.$/, ''),
      );
      titles.add(c.title.toLowerCase());
    }
    expect(titles.size, 'criterion titles are distinct').toBe(61);
  });
});

describe('control library', () => {
  it('has at least 100 controls with unique, well-formed references', () => {
    expect(catalog.controls.length).toBeGreaterThanOrEqual(100);
    const refs = catalog.controls.map((c) => c.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const c of catalog.controls) {
      expect(c.ref).toMatch(CONTROL_REF_PATTERN);
      expect(c.ref.startsWith(`${DOMAIN_PREFIXES[c.domain]}-`), c.ref).toBe(true);
    }
  });

  it('numbers each domain upwards from 01, in catalog order', () => {
    for (const d of DOMAINS) {
      const numbers = catalog.controls
        .filter((c) => c.domain === d)
        .map((c) => Number(c.ref.split('-')[1]));
      expect(numbers[0], d).toBe(1);
      expect(numbers, d).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  it('covers every domain with at least two controls', () => {
    for (const d of DOMAINS)
      expect(catalog.controls.filter((c) => c.domain === d).length, d).toBeGreaterThanOrEqual(2);
  });

  it('maps only to criteria that exist', () => {
    const ids = new Set(EXPECTED_IDS);
    const unknown = catalog.controls.flatMap((c) =>
      c.criteria.filter((id) => !ids.has(id)).map((id) => `${c.ref} → ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('keeps at least one key control for every criterion (2026.4 marks the others supporting)', () => {
    const catalog = loadCatalog();
    for (const criterion of catalog.criteria) {
      const key = catalog.controls.filter(
        (c) => c.criteria.includes(criterion.id) && isKeyFor(c, criterion.id),
      );
      expect(key.length, criterion.id).toBeGreaterThan(0);
    }
    const supporting = catalog.controls.flatMap((c) => c.supporting ?? []);
    expect(supporting.length).toBeGreaterThan(50);
  });

  it('maps every criterion from at least one control', () => {
    const mapped = new Set(catalog.controls.flatMap((c) => c.criteria));
    expect(EXPECTED_IDS.filter((id) => !mapped.has(id))).toEqual([]);
    for (const id of EXPECTED_IDS) expect(controlsForCriterion(id).length, id).toBeGreaterThan(0);
  });

  it('maps category criteria from controls of the matching domain', () => {
    const byDomain = (d: string, prefix: string) =>
      EXPECTED_IDS.filter(
        (id) => id.startsWith(prefix) && !(prefix === 'P' && id.startsWith('PI')),
      ).filter((id) => !controlsForCriterion(id).some((c) => c.domain === d));
    expect(byDomain('privacy', 'P')).toEqual([]);
    expect(byDomain('processing_integrity', 'PI')).toEqual([]);
    expect(byDomain('confidentiality', 'C1')).toEqual([]);
    expect(byDomain('continuity', 'A1')).toEqual([]);
  });

  it('keeps each control focused: one to four criteria', () => {
    for (const c of catalog.controls) {
      expect(c.criteria.length, c.ref).toBeGreaterThanOrEqual(1);
      expect(c.criteria.length, c.ref).toBeLessThanOrEqual(4);
    }
  });

  it('states the categories each control serves, as its criteria imply', () => {
    for (const c of catalog.controls)
      expect(c.categories, c.ref).toEqual(categoriesOfCriteria(c.criteria));
  });

  it('points every control at a policy template, and every template is used', () => {
    const keys = catalog.policies.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(catalog.controls.filter((c) => !keys.includes(c.policyKey)).map((c) => c.ref)).toEqual(
      [],
    );
    const used = new Set(catalog.controls.map((c) => c.policyKey));
    expect(keys.filter((k) => !used.has(k))).toEqual([]);
  });

  it('gives two to four test attributes and distinct titles', () => {
    for (const c of catalog.controls) {
      expect(c.testAttributes.length, c.ref).toBeGreaterThanOrEqual(2);
      expect(c.testAttributes.length, c.ref).toBeLessThanOrEqual(4);
    }
    const titles = catalog.controls.map((c) => c.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('gives every test procedure an inquiry step, and a completeness check for system lists', () => {
    for (const c of catalog.controls) {
      expect(c.testProcedure, c.ref).toMatch(new RegExp(`^Inquire of the ${c.ownerRole} `));
      // A procedure that samples from or works through a list checks that list first.
      if (/\b(sample|population|roster|list|log|export|for each)\b/i.test(c.testProcedure))
        expect(c.testProcedure, c.ref).toContain('complete and accurate');
    }
  });

  it('adds the controls catalog 2026.2 was missing, each complete and in its domain', () => {
    const added = {
      'AC-14': /inactive accounts/i,
      'AC-15': /secrets/i,
      'DAT-09': /tenants/i,
      'MON-08': /intrusion detection and file integrity/i,
      'END-08': /mobile and personal devices/i,
      'CHG-11': /SaaS admin settings/i,
    };
    for (const [ref, title] of Object.entries(added)) {
      const c = findControl(ref)!;
      expect(c.title, ref).toMatch(title);
      expect(c.testAttributes.length, ref).toBeGreaterThanOrEqual(3);
    }
  });

  it('types and times the controls the auditor questioned as their text says', () => {
    // Fixing a found vulnerability corrects it; it prevents nothing.
    expect(findControl('VUL-02')?.type).toBe('corrective');
    // "At hire and yearly": per engineer, on joining and twelve months after each completion.
    const hr08 = findControl('HR-08')!;
    expect(hr08.frequency).toBe('per_event');
    expect(hr08.description).toMatch(/at hire.*yearly/);
  });

  it('sets realistic frequency and nature for the anchor controls', () => {
    expect(findControl('AC-06')).toMatchObject({
      frequency: 'quarterly',
      nature: 'manual',
      criteria: ['CC6.2', 'CC6.3'],
    });
    expect(findControl('AC-02')).toMatchObject({
      frequency: 'continuous',
      nature: 'automated',
      type: 'preventive',
    });
    expect(findControl('HR-01')).toMatchObject({ frequency: 'per_event', criteria: ['CC1.4'] });
    expect(findControl('CHG-01')?.criteria).toContain('CC8.1');
    expect(findControl('VEN-03')?.criteria).toContain('CC9.2');
    expect(findControl('BCP-02')?.criteria).toContain('A1.2');
    expect(findControl('BCP-04')?.criteria).toContain('A1.3');
    expect(findControl('DAT-06')?.criteria).toContain('C1.2');
    // Automated controls are continuous or run on a schedule, never on a one-off event by hand.
    for (const c of catalog.controls.filter((x) => x.frequency === 'continuous'))
      expect(c.nature, c.ref).toBe('automated');
  });
});

describe('policy templates', () => {
  it('include the usual SOC 2 policy set', () => {
    const keys = catalog.policies.map((p) => p.key);
    for (const k of [
      'information-security',
      'access-control',
      'acceptable-use',
      'incident-response',
      'business-continuity',
      'change-management',
      'data-classification',
      'data-retention',
      'vendor-management',
      'risk-management',
      'encryption',
      'vulnerability-management',
      'code-of-conduct',
      'privacy',
      'secure-development',
    ])
      expect(keys).toContain(k);
  });
});

describe('catalog helpers', () => {
  it('scopes criteria by category, always including Security', () => {
    expect(criteriaForCategories([]).length).toBe(33);
    expect(criteriaForCategories(['security']).length).toBe(33);
    expect(criteriaForCategories(['availability']).map((c) => c.category)).toContain('security');
    expect(criteriaForCategories(['security', 'availability', 'privacy']).length).toBe(33 + 3 + 18);
    expect(
      criteriaForCategories([
        'security',
        'availability',
        'confidentiality',
        'processing_integrity',
        'privacy',
      ]).length,
    ).toBe(61);
  });

  it('scopes controls by the categories of the criteria they map to', () => {
    const securityOnly = controlsForCategories(['security']);
    expect(securityOnly.length).toBeGreaterThan(0);
    expect(securityOnly.every((c) => c.categories.includes('security'))).toBe(true);
    expect(securityOnly.some((c) => c.domain === 'privacy')).toBe(false);
    expect(securityOnly.map((c) => c.ref)).toContain('DAT-06'); // CC6.5 and C1.2: in scope via CC6.5
    const withPrivacy = controlsForCategories(['security', 'privacy']);
    expect(withPrivacy.length).toBeGreaterThan(securityOnly.length);
    expect(withPrivacy.some((c) => c.domain === 'privacy')).toBe(true);
    const all = controlsForCategories([
      'security',
      'availability',
      'confidentiality',
      'processing_integrity',
      'privacy',
    ]);
    expect(all.length).toBe(catalog.controls.length);
  });

  it('finds criteria and controls, forgiving case and spacing', () => {
    expect(findCriterion('CC6.1')?.category).toBe('security');
    expect(findCriterion('cc 6.1')?.id).toBe('CC6.1');
    expect(findCriterion('PP1.3')?.id).toBe('PI1.3');
    expect(findCriterion('CC1.8')).toBeUndefined();
    expect(findCriterion('PI1.6')).toBeUndefined();
    expect(findCriterion('nonsense')).toBeUndefined();
    expect(findControl('ac-04')?.ref).toBe('AC-04');
    expect(findControl('ZZ-99')).toBeUndefined();
    expect(normaliseCriterionId(' a 1.2 ')).toBe('A1.2');
  });

  it('returns the same frozen catalog every time', () => {
    expect(loadCatalog()).toBe(catalog);
    expect(Object.isFrozen(catalog.controls[0])).toBe(true);
  });
});

describe('parseCatalogFiles', () => {
  const clone = <T>(v: T): T => structuredClone(v);

  it('refuses files that disagree on the version', () => {
    expect(() =>
      parseCatalogFiles(criteriaFile, { ...clone(controlsFile), version: '2099.1' }, policiesFile),
    ).toThrow(/disagree on the version/);
  });

  it('refuses a control that maps to an unknown criterion or policy', () => {
    const bad = clone(controlsFile);
    bad.controls[0]!.criteria = ['CC1.8'];
    delete bad.controls[0]!.supporting;
    bad.controls[0]!.categories = ['security'];
    expect(() => parseCatalogFiles(criteriaFile, bad, policiesFile)).toThrow(/no criterion CC1\.8/);
    const bad2 = clone(controlsFile);
    bad2.controls[0]!.policyKey = 'no-such-policy';
    expect(() => parseCatalogFiles(criteriaFile, bad2, policiesFile)).toThrow(/no policy template/);
  });

  it('refuses a supporting mark outside the control’s criteria, and a criterion left without a key control', () => {
    const outside = clone(controlsFile);
    outside.controls[0]!.supporting = ['CC9.1'];
    expect(() => parseCatalogFiles(criteriaFile, outside, policiesFile)).toThrow(
      /supports CC9\.1, which is not one of its criteria/,
    );
    const keyless = clone(controlsFile);
    for (const c of keyless.controls)
      if (c.criteria.includes('CC6.1'))
        c.supporting = [...new Set([...(c.supporting ?? []), 'CC6.1'])];
    expect(() => parseCatalogFiles(criteriaFile, keyless, policiesFile)).toThrow(
      /Criterion CC6\.1 has no key control/,
    );
  });

  it('refuses duplicate references and a ref outside its domain prefix', () => {
    const dup = clone(controlsFile);
    dup.controls.push(clone(dup.controls[0]!));
    expect(() => parseCatalogFiles(criteriaFile, dup, policiesFile)).toThrow(/appears twice/);
    const wrong = clone(controlsFile);
    wrong.controls[0]!.ref = 'AC-99';
    expect(() => parseCatalogFiles(criteriaFile, wrong, policiesFile)).toThrow(
      /should start with GOV-/,
    );
  });

  it('refuses categories that do not follow from the criteria', () => {
    const bad = clone(controlsFile);
    bad.controls[0]!.categories = ['security', 'privacy'];
    expect(() => parseCatalogFiles(criteriaFile, bad, policiesFile)).toThrow(
      /serves security by its criteria/,
    );
  });
});

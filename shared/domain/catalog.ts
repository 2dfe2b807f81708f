/**
 * The SOC 2 catalog: the 61 Trust Services Criteria with our own titles and guidance, the control
 * library a vault is scoped from, and the keys of the policy templates those controls rely on.
 *
 * The data ships in `resources/catalog/*.json`; these schemas are its contract. Every sentence in
 * the catalog is our own wording, never the AICPA criteria text.
 */
import { z } from 'zod';
import { CATEGORIES, type Category } from './engagement';
import { FREQUENCIES } from './frequency';
import {
  CONTROL_REF_PATTERN,
  POLICY_KEY_PATTERN,
  type PolicyTemplate,
  policyTemplateSchema,
} from './policy-template';

export { CONTROL_REF_PATTERN, POLICY_KEY_PATTERN, policyTemplateSchema, type PolicyTemplate };

/** The criterion groups, in report order. CC1–CC5 follow the 17 COSO principles. */
export const GROUP_IDS = [
  'CC1',
  'CC2',
  'CC3',
  'CC4',
  'CC5',
  'CC6',
  'CC7',
  'CC8',
  'CC9',
  'A1',
  'C1',
  'PI1',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'P7',
  'P8',
] as const;
export type GroupId = (typeof GROUP_IDS)[number];

/**
 * The shape of a criterion id. It admits a few ids that do not exist (CC1.8, P1.7…); the catalog
 * itself is the allow-list.
 */
export const CRITERION_ID_PATTERN =
  /^(CC[1-9]\.[1-8]|A1\.[1-3]|C1\.[1-2]|PI1\.[1-5]|P[1-8]\.[1-7])$/;

/** The category a criterion id belongs to, from its prefix. */
export function categoryOfCriterionId(id: string): Category {
  if (id.startsWith('CC')) return 'security';
  if (id.startsWith('PI')) return 'processing_integrity';
  if (id.startsWith('A')) return 'availability';
  if (id.startsWith('C')) return 'confidentiality';
  if (id.startsWith('P')) return 'privacy';
  throw new Error(`Not a criterion id: ${id}`);
}

/** The group a criterion id belongs to: "CC6.1" → "CC6", "PI1.3" → "PI1". */
export function groupOfCriterionId(id: string): string {
  return id.slice(0, id.indexOf('.'));
}

/**
 * Accepts the spellings found in spreadsheets and other tools ("CC 6.1", "cc6.1", "PP1.1") and
 * returns the canonical id, or null when the text is not shaped like one.
 */
export function normaliseCriterionId(text: string): string | null {
  const compact = text
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^PP1\./, 'PI1.');
  return CRITERION_ID_PATTERN.test(compact) ? compact : null;
}

export { FREQUENCIES, FREQUENCY_LABELS, type Frequency } from './frequency';

export const NATURES = ['manual', 'automated', 'it_dependent_manual'] as const;
export type Nature = (typeof NATURES)[number];

export const NATURE_LABELS: Record<Nature, string> = {
  manual: 'Manual',
  automated: 'Automated',
  it_dependent_manual: 'IT-dependent manual',
};

/** Preventive stops a problem, detective finds it, corrective fixes what was found. */
export const CONTROL_TYPES = ['preventive', 'detective', 'corrective'] as const;
export type ControlType = (typeof CONTROL_TYPES)[number];

export const CONTROL_TYPE_LABELS: Record<ControlType, string> = {
  preventive: 'Preventive',
  detective: 'Detective',
  corrective: 'Corrective',
};

/** The control library's domains, in display order. */
export const DOMAINS = [
  'governance',
  'people',
  'policies',
  'risk',
  'communication',
  'monitoring',
  'access',
  'network',
  'data',
  'endpoint',
  'vulnerability',
  'incident',
  'change',
  'vendor',
  'continuity',
  'confidentiality',
  'processing_integrity',
  'privacy',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** Each domain's reference prefix: a library control's ref is `<prefix>-<two digits>`. */
export const DOMAIN_PREFIXES: Record<Domain, string> = {
  governance: 'GOV',
  people: 'HR',
  policies: 'POL',
  risk: 'RSK',
  communication: 'COM',
  monitoring: 'MON',
  access: 'AC',
  network: 'NET',
  data: 'DAT',
  endpoint: 'END',
  vulnerability: 'VUL',
  incident: 'INC',
  change: 'CHG',
  vendor: 'VEN',
  continuity: 'BCP',
  confidentiality: 'CON',
  processing_integrity: 'PI',
  privacy: 'PRV',
};

export const DOMAIN_LABELS: Record<Domain, string> = {
  governance: 'Governance',
  people: 'People',
  policies: 'Policies',
  risk: 'Risk management',
  communication: 'Communication',
  monitoring: 'Monitoring',
  access: 'Access control',
  network: 'Network security',
  data: 'Data protection',
  endpoint: 'Endpoints',
  vulnerability: 'Vulnerability management',
  incident: 'Incident response',
  change: 'Change management',
  vendor: 'Vendor management',
  continuity: 'Continuity and availability',
  confidentiality: 'Confidentiality',
  processing_integrity: 'Processing integrity',
  privacy: 'Privacy',
};

export const CATALOG_VERSION_PATTERN = /^\d{4}\.\d+$/;

const text = z.string().trim().min(1);
const shortList = z.array(text).min(2).max(4);

export const criterionGuidanceSchema = z.strictObject({
  /** What the criterion asks for in practice, in one or two sentences. */
  asks: text,
  typicalControls: shortList,
  typicalEvidence: shortList,
});
export type CriterionGuidance = z.infer<typeof criterionGuidanceSchema>;

export const criterionSchema = z
  .strictObject({
    id: z.string().regex(CRITERION_ID_PATTERN, 'Not a Trust Services Criteria id'),
    category: z.enum(CATEGORIES),
    groupId: z.enum(GROUP_IDS),
    groupTitle: text,
    /** The COSO 2013 principle for CC1–CC5; null for the other criteria. */
    cosoPrinciple: z.number().int().min(1).max(17).nullable(),
    title: text,
    guidance: criterionGuidanceSchema,
  })
  .superRefine((c, ctx) => {
    if (!CRITERION_ID_PATTERN.test(c.id)) return;
    if (categoryOfCriterionId(c.id) !== c.category)
      ctx.addIssue({ code: 'custom', path: ['category'], message: `${c.id} is not ${c.category}` });
    if (groupOfCriterionId(c.id) !== c.groupId)
      ctx.addIssue({
        code: 'custom',
        path: ['groupId'],
        message: `${c.id} is not in ${c.groupId}`,
      });
  });
export type Criterion = z.infer<typeof criterionSchema>;

export const libraryControlSchema = z
  .strictObject({
    ref: z.string().regex(CONTROL_REF_PATTERN, 'A control reference looks like AC-04'),
    domain: z.enum(DOMAINS),
    title: text,
    /** What the control does, in one to three sentences. */
    description: text,
    frequency: z.enum(FREQUENCIES),
    nature: z.enum(NATURES),
    type: z.enum(CONTROL_TYPES),
    ownerRole: text,
    /** The criterion ids this control supports. */
    criteria: z.array(z.string().regex(CRITERION_ID_PATTERN)).min(1),
    /**
     * The criteria of `criteria` this control only supports (from 2026.4): it never meets them
     * alone. It is key for every other criterion it maps to. Absent means key for all.
     */
    supporting: z.array(z.string().regex(CRITERION_ID_PATTERN)).optional(),
    policyKey: z.string().regex(POLICY_KEY_PATTERN),
    /** What good evidence looks like. */
    evidenceGuidance: text,
    /** The steps an auditor would follow to test the control. */
    testProcedure: text,
    /** What the tester checks on each item or occurrence. */
    testAttributes: shortList,
    /** The categories served: exactly the categories of the mapped criteria, in CATEGORIES order. */
    categories: z.array(z.enum(CATEGORIES)).min(1),
  })
  .superRefine((c, ctx) => {
    if (!c.ref.startsWith(`${DOMAIN_PREFIXES[c.domain]}-`))
      ctx.addIssue({
        code: 'custom',
        path: ['ref'],
        message: `${c.ref} should start with ${DOMAIN_PREFIXES[c.domain]}- (domain ${c.domain})`,
      });
    if (new Set(c.criteria).size !== c.criteria.length)
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: `${c.ref} repeats a criterion` });
    for (const id of c.supporting ?? [])
      if (!c.criteria.includes(id))
        ctx.addIssue({
          code: 'custom',
          path: ['supporting'],
          message: `${c.ref} supports ${id}, which is not one of its criteria`,
        });
    if (!c.criteria.every((id) => CRITERION_ID_PATTERN.test(id))) return;
    const derived = categoriesOfCriteria(c.criteria);
    if (derived.join() !== c.categories.join())
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: `${c.ref} serves ${derived.join(', ')} by its criteria, not ${c.categories.join(', ')}`,
      });
  });
export type LibraryControl = z.infer<typeof libraryControlSchema>;

/** Whether a library control is key for one of its criteria (not only supporting it). */
export function isKeyFor(
  control: Pick<LibraryControl, 'supporting'>,
  criterionId: string,
): boolean {
  return !(control.supporting ?? []).includes(criterionId);
}

/** A template's key and title: what a control's `policyKey` points at. */
export type PolicyTemplateRef = Pick<PolicyTemplate, 'key' | 'title'>;

/** The categories of a list of criterion ids, in CATEGORIES order, without repeats. */
export function categoriesOfCriteria(ids: readonly string[]): Category[] {
  const found = new Set(ids.map(categoryOfCriterionId));
  return CATEGORIES.filter((c) => found.has(c));
}

const versionSchema = z
  .string()
  .regex(CATALOG_VERSION_PATTERN, 'A catalog version looks like 2026.1');

/** The three shipped files each carry the version first, then their list. */
export const criteriaFileSchema = z.strictObject({
  version: versionSchema,
  criteria: z.array(criterionSchema),
});
export const controlsFileSchema = z.strictObject({
  version: versionSchema,
  controls: z.array(libraryControlSchema),
});
export const policiesFileSchema = z.strictObject({
  version: versionSchema,
  policies: z.array(policyTemplateSchema),
});

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** The whole catalog, with its references checked: every id, ref and key resolves and is unique. */
export const catalogSchema = z
  .strictObject({
    version: versionSchema,
    criteria: z.array(criterionSchema).min(1),
    controls: z.array(libraryControlSchema).min(1),
    policies: z.array(policyTemplateSchema).min(1),
  })
  .superRefine((cat, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    for (const id of duplicates(cat.criteria.map((c) => c.id)))
      issue(['criteria'], `Criterion ${id} appears twice`);
    for (const ref of duplicates(cat.controls.map((c) => c.ref)))
      issue(['controls'], `Control ${ref} appears twice`);
    for (const key of duplicates(cat.policies.map((p) => p.key)))
      issue(['policies'], `Policy template ${key} appears twice`);
    const criterionIds = new Set(cat.criteria.map((c) => c.id));
    const policyKeys = new Set(cat.policies.map((p) => p.key));
    cat.controls.forEach((c, i) => {
      for (const id of c.criteria)
        if (!criterionIds.has(id))
          issue(['controls', i, 'criteria'], `${c.ref}: no criterion ${id}`);
      if (!policyKeys.has(c.policyKey))
        issue(['controls', i, 'policyKey'], `${c.ref}: no policy template ${c.policyKey}`);
    });
    // Every criterion a control maps to keeps at least one key control: a criterion served only
    // by supporting controls could never be met (DESIGN §4).
    const keyed = new Set(cat.controls.flatMap((c) => c.criteria.filter((id) => isKeyFor(c, id))));
    for (const id of new Set(cat.controls.flatMap((c) => c.criteria)))
      if (!keyed.has(id)) issue(['controls'], `Criterion ${id} has no key control`);
    // A template lists every control that names it, and only controls the library has.
    const controlRefs = new Set(cat.controls.map((c) => c.ref));
    cat.policies.forEach((p, i) => {
      for (const ref of p.controls)
        if (!controlRefs.has(ref))
          issue(['policies', i, 'controls'], `${p.key}: no control ${ref}`);
      for (const c of cat.controls)
        if (c.policyKey === p.key && !p.controls.includes(c.ref))
          issue(['policies', i, 'controls'], `${p.key} does not list ${c.ref}, which names it`);
    });
  });
export type Catalog = z.infer<typeof catalogSchema>;

/**
 * Orders catalog versions (`2026.1` < `2026.2` < `2027.1`): negative when `a` is older than `b`,
 * zero when equal, positive when newer. Versions are compared numerically, part by part.
 */
export function compareCatalogVersions(a: string, b: string): number {
  const [ay = 0, an = 0] = a.split('.').map(Number);
  const [by = 0, bn = 0] = b.split('.').map(Number);
  return ay !== by ? ay - by : an - bn;
}

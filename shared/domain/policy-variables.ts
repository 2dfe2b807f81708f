/**
 * The variables a policy template may use (`{{company}}`, `{{owner}}`…) and the one function that
 * fills them in. A variable nobody knows, or one without a value yet, never survives as `{{…}}`:
 * it becomes a visible `[To be completed: …]` gap — the same words the system description uses —
 * and is reported, so the user is told what to fill in.
 */

export const POLICY_VARIABLES = {
  company: 'the organisation’s name',
  owner: 'the policy owner’s name',
  owner_role: 'the policy owner’s role',
  review_cycle: 'how often the policy is reviewed',
  ack_days: 'the days people have to acknowledge it',
} as const;
export type PolicyVariable = keyof typeof POLICY_VARIABLES;

export type PolicyVariableValues = Partial<Record<PolicyVariable, string>>;

export interface VariableProblem {
  variable: string;
  /** `unknown`: no such variable; `missing`: a known one without a value. */
  kind: 'unknown' | 'missing';
  message: string;
}

export interface RenderedTemplate {
  markdown: string;
  /** One entry per distinct variable, in order of first use. */
  problems: VariableProblem[];
}

/** `{{ name }}`: letters, digits and underscores, spaces inside the braces allowed. */
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isKnown(name: string): name is PolicyVariable {
  return Object.prototype.hasOwnProperty.call(POLICY_VARIABLES, name);
}

/** Fills a template's variables; every `{{…}}` is replaced, and every gap is reported. */
export function renderTemplate(markdown: string, values: PolicyVariableValues): RenderedTemplate {
  const problems = new Map<string, VariableProblem>();
  const out = markdown.replace(VARIABLE, (_all, raw: string) => {
    const name = raw.trim();
    if (!isKnown(name)) {
      if (!problems.has(name))
        problems.set(name, {
          variable: name,
          kind: 'unknown',
          message: `The template uses {{${name}}}, which Attest does not know; fill it in by hand.`,
        });
      return `[To be completed: ${name || 'unnamed value'}]`;
    }
    const value = values[name]?.trim();
    if (value) return value;
    if (!problems.has(name))
      problems.set(name, {
        variable: name,
        kind: 'missing',
        message: `No value for ${POLICY_VARIABLES[name]} yet; the text says [To be completed: ${POLICY_VARIABLES[name]}].`,
      });
    return `[To be completed: ${POLICY_VARIABLES[name]}]`;
  });
  return { markdown: out, problems: [...problems.values()] };
}

/** The variables a text uses, distinct, in order of first use. */
export function variablesUsed(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(VARIABLE)].map((m) => m[1]!.trim()))];
}

/** "every 12 months" → words for `{{review_cycle}}`. */
export function reviewCycleWords(months: number): string {
  if (months === 12) return 'at least once a year';
  if (months === 6) return 'at least twice a year';
  if (months === 3) return 'at least every quarter';
  if (months === 24) return 'at least every two years';
  return `at least every ${months} months`;
}

/**
 * Policy templates: the Markdown policies the catalog ships (`resources/catalog/policies.json`),
 * each naming the library controls it supports and every frequency or time limit it promises as
 * data, so a promise can be checked against the controls it binds (quarterly in the policy,
 * annual on the control) and handed to the occurrence check as a deadline.
 */
import { z } from 'zod';
import { FREQUENCIES } from './frequency';

export const CONTROL_REF_PATTERN = /^[A-Z]{2,4}-\d{2}$/;
export const POLICY_KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PROMISE_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const text = z.string().trim().min(1);

/** The units a policy's time limit is counted in. */
export const TIME_UNITS = ['hours', 'days', 'business_days'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

const TIME_UNIT_WORDS: Record<TimeUnit, [string, string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  business_days: ['business day', 'business days'],
};

/** "1 business day", "72 hours"; 0 business days reads "the same business day". */
export function timeLimitLabel(amount: number, unit: TimeUnit): string {
  if (amount === 0) return unit === 'hours' ? 'at once' : 'the same day';
  const [one, many] = TIME_UNIT_WORDS[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

const promiseBase = {
  /** Stable within its template: a later catalog can say which promise changed. */
  id: z.string().regex(PROMISE_ID_PATTERN),
  /** The promise as a sentence a reader of the policy recognises. */
  text,
  /** The library controls that carry the promise out (references). */
  controls: z.array(z.string().regex(CONTROL_REF_PATTERN)).min(1),
};

export const frequencyPromiseSchema = z.strictObject({
  ...promiseBase,
  kind: z.literal('frequency'),
  frequency: z.enum(FREQUENCIES),
});

export const timeLimitPromiseSchema = z.strictObject({
  ...promiseBase,
  kind: z.literal('time_limit'),
  within: z.strictObject({
    amount: z.number().int().min(0).max(10_000),
    unit: z.enum(TIME_UNITS),
  }),
});

export const policyPromiseSchema = z.discriminatedUnion('kind', [
  frequencyPromiseSchema,
  timeLimitPromiseSchema,
]);
export type PolicyPromise = z.infer<typeof policyPromiseSchema>;

export const policyTemplateSchema = z
  .strictObject({
    key: z.string().regex(POLICY_KEY_PATTERN),
    title: text,
    /** Who usually owns it, filled into `{{owner_role}}`. */
    ownerRole: text,
    /** How often it is reviewed, in months (12: every year). */
    reviewMonths: z.number().int().min(1).max(60),
    /** How many days people have to acknowledge a new version, or their start date. */
    acknowledgeWithinDays: z.number().int().min(1).max(365),
    /** The library controls it supports (references). */
    controls: z.array(z.string().regex(CONTROL_REF_PATTERN)).min(1),
    promises: z.array(policyPromiseSchema),
    /** Markdown, one array entry per line (so the file's history diffs line by line). */
    body: z.array(z.string()).min(1),
  })
  .superRefine((t, ctx) => {
    const listed = new Set(t.controls);
    if (listed.size !== t.controls.length)
      ctx.addIssue({ code: 'custom', path: ['controls'], message: `${t.key} repeats a control` });
    const ids = new Set<string>();
    t.promises.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['promises', i, 'id'], message: `${p.id} twice` });
      ids.add(p.id);
      for (const ref of p.controls)
        if (!listed.has(ref))
          ctx.addIssue({
            code: 'custom',
            path: ['promises', i, 'controls'],
            message: `${t.key}: promise ${p.id} binds ${ref}, which the template does not list`,
          });
    });
  });
export type PolicyTemplate = z.infer<typeof policyTemplateSchema>;

/** A template's Markdown as one string. */
export function templateMarkdown(t: Pick<PolicyTemplate, 'body'>): string {
  return t.body.join('\n');
}

import type { ZodType } from 'zod';
import { humanIssue } from '../../shared/api/issue-messages';
import type { ValidationIssue } from '../../shared/api/errors';

/** Messages by field path: `period.end`, `criteria`, `csocs.0.description`; '' is the form. */
export type FieldErrors = Record<string, string>;

/**
 * Puts each contract validation issue under its field. Every prefix of a path gets the message
 * too (the first one wins), so `criteria.1` also marks the `criteria` field and `period.end` the
 * period as a whole. Leading segments in `strip` (e.g. `patch` of `controls.update`) are dropped.
 */
export function fieldErrorsFrom(
  issues: readonly ValidationIssue[],
  strip: readonly string[] = [],
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    let path = issue.path.map(String);
    while (path.length > 0 && strip.includes(path[0]!)) path = path.slice(1);
    if (path.length === 0) {
      out[''] ??= issue.message;
      continue;
    }
    for (let n = path.length; n >= 1; n--) out[path.slice(0, n).join('.')] ??= issue.message;
  }
  return out;
}

/** The errors without those of one field and everything under it. */
export function withoutField(errors: FieldErrors, field: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key !== field && !key.startsWith(`${field}.`)) out[key] = message;
  }
  return out;
}

/**
 * A flat form's errors: one message per field it has (the first issue about a field wins, by
 * the first segment of its path); issues about anything else are left out.
 */
export function formFieldErrors<F extends string>(
  fields: readonly F[],
  issues: readonly ValidationIssue[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '') as F;
    if (fields.includes(field)) out[field] ??= issue.message;
  }
  return out;
}

/** A flat form checked with the contract's own schema before asking Attest (which checks again). */
export function checkFormWith<F extends string>(
  schema: ZodType,
  input: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const parsed = schema.safeParse(input, { error: humanIssue });
  if (parsed.success) return {};
  return formFieldErrors(
    fields,
    parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  );
}

import { z } from 'zod';

/**
 * The one text type of the contract (DESIGN §2). Every string a caller sends goes through it:
 * trimmed unless told otherwise, length-limited with a sentence that says the limit, and refusing
 * what would corrupt a vault or a report — lone UTF-16 surrogates (half an emoji: the canonical
 * hashing of the audit log cannot encode them), NUL and the other control characters (line
 * breaks and tabs only where the text may have lines). A refusal is a `validation` error with a
 * human message, never `internal`.
 */
export interface TextOptions {
  /** Most characters allowed (UTF-16 code units, as the UI's counters count them). */
  max: number;
  /** Fewest characters, after trimming; with `required` the message to show when empty. */
  min?: number;
  required?: string;
  /** Line breaks and tabs allowed (notes, descriptions). Default: single line. */
  multiline?: boolean;
  /** Keep leading and trailing spaces (Markdown drafts, imported cells). Default: trim. */
  keepSpaces?: boolean;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Why a text is refused, or null when it is acceptable (shared with forms in the renderer). */
export function textProblem(value: string, options: Omit<TextOptions, 'max'>): string | null {
  if (LONE_SURROGATE.test(value)) {
    return 'This text contains a broken character (half of an emoji or symbol); delete it and type it again';
  }
  if (value.includes('\u0000')) return 'This text contains a NUL character, which cannot be stored';
  const control = options.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE;
  if (control.test(value)) {
    return options.multiline
      ? 'This text contains an invisible control character; delete it and type it again'
      : 'Use a single line without tabs or invisible control characters';
  }
  return null;
}

const registry = new WeakSet<z.ZodType>();

/** Marks a schema as vetted string input (the contract test walks every input for this). */
export function vetted<T extends z.ZodType>(schema: T): T {
  registry.add(schema);
  return schema;
}

export function isVettedString(schema: z.ZodType): boolean {
  return registry.has(schema);
}

/**
 * One formatter for every limit: `Number#toLocaleString` builds a new one per call (~50 µs), and
 * the contract calls `text()` for every text field while the modules load, on every start-up.
 */
const GROUPED = new Intl.NumberFormat('en');

export function text(options: TextOptions) {
  const { max, min = 0, required } = options;
  let schema = z.string({ message: 'Give a text' });
  if (!options.keepSpaces) schema = schema.trim();
  const sized = schema
    .min(Math.max(min, required ? 1 : 0), {
      message: required ?? `Write at least ${min} characters`,
    })
    .max(max, { message: `Keep this to ${GROUPED.format(max)} characters or fewer` });
  return vetted(
    sized.superRefine((value, ctx) => {
      const problem = textProblem(value, options);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );
}

/**
 * A path on this computer (desktop dialogs, the CLI). Refused over HTTP by the dispatcher's
 * transport rules; here only its form is checked: no NUL or control characters, a sane length.
 */
export const localPath = vetted(
  z
    .string({ message: 'Give a path' })
    .min(1, { message: 'Give a path' })
    .max(4096, { message: 'This path is too long (4,096 characters at most)' })
    .superRefine((value, ctx) => {
      const problem = textProblem(value, {});
      if (problem) ctx.addIssue({ code: 'custom', message: `The path is not usable: ${problem}` });
    }),
);

/** An id such as `ctl_4k2j9x7q1m`: its prefix says what it names. */
export function idOf(prefix: string, what: string) {
  const article = /^[aeiou]/i.test(what) ? 'an' : 'a';
  return vetted(
    z.string().regex(new RegExp(`^${prefix}_[a-z0-9]{1,40}$`), {
      message: `Not ${article} ${what} id`,
    }),
  );
}

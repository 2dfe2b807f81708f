/**
 * The auditor's response file (issue 21 item 2): what an auditor did with an audit package —
 * comments, new requests, a status per request, sample picks — for the consultant to import into
 * the vault the package came from.
 *
 * The file is one JSON envelope: `{ response, signature }`. `response` is the auditor's work;
 * `signature` is null (an unsigned response) or the auditor's Ed25519 key and its signature over
 * `responseSignedText(response)` (in response-signed-text.ts) — RFC 8785 canonical JSON, so the
 * signed bytes do not depend on how the file was indented and a reader checks exactly the object
 * it then uses. The schema refuses unknown keys and never rewrites a value (no trimming), so
 * nothing signed is ignored or changed on the way in.
 */
import { z } from 'zod';
import { isoDate, isoInstant } from '../../api/common';
import { text } from '../../api/text';
import { AUDITOR_STATUSES } from '../requests';

export const RESPONSE_FORMAT = 'attest-response/1';

/** The most items one response may carry (a whole audit's worth, with room). */
export const MAX_RESPONSE_ITEMS = 5_000;
/** The most population rows one sample pick may name. */
export const MAX_PICKED_ROWS = 500;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 (64 hex digits)');
/** Values are kept exactly as written: the signature covers them byte for byte. */
const line = (max: number) => text({ max, keepSpaces: true });
const nonEmptyLine = (max: number, what: string) =>
  text({ max, keepSpaces: true, required: `Give ${what}` });
const prose = (max: number) => text({ max, multiline: true, keepSpaces: true });

/** Stable per item, so importing the same work twice applies it once. */
export const responseItemId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'An item id is 8–64 letters, digits, - or _');

const itemBase = { id: responseItemId, at: isoInstant };

export const commentItemSchema = z
  .object({
    ...itemBase,
    kind: z.literal('comment'),
    /** Exactly one of the two: a request by its reference, or an evidence item by its id. */
    requestRef: nonEmptyLine(200, 'the request’s reference').optional(),
    evidenceId: nonEmptyLine(40, 'the evidence id').optional(),
    body: text({ max: 10_000, multiline: true, keepSpaces: true, required: 'Write something' }),
  })
  .strict()
  .refine((c) => (c.requestRef === undefined) !== (c.evidenceId === undefined), {
    message: 'A comment is on one request or one evidence item',
  });

export const newRequestItemSchema = z
  .object({
    ...itemBase,
    kind: z.literal('request'),
    title: nonEmptyLine(300, 'a title'),
    description: prose(20_000),
    /** Criterion ids (CC6.1) as the auditor wrote them. */
    criteria: z.array(nonEmptyLine(20, 'a criterion')).max(61),
    dueOn: isoDate.nullable(),
  })
  .strict();

/** `accepted`: the request is satisfied — not that the control works. */
export const statusItemSchema = z
  .object({
    ...itemBase,
    kind: z.literal('status'),
    requestRef: nonEmptyLine(200, 'the request’s reference'),
    status: z.enum(AUDITOR_STATUSES),
  })
  .strict();

/** Rows of a population the auditor selected to test; the consultant provides their evidence. */
export const samplePickItemSchema = z
  .object({
    ...itemBase,
    kind: z.literal('sample'),
    /** The population's evidence id in the package (EV-0004). */
    populationId: nonEmptyLine(40, 'the population’s evidence id'),
    rowKeys: z.array(nonEmptyLine(500, 'a row key')).min(1).max(MAX_PICKED_ROWS),
    /** What to show for each row: the attribute tested. */
    note: prose(5_000),
  })
  .strict();

export const responseItemSchema = z.discriminatedUnion('kind', [
  commentItemSchema,
  newRequestItemSchema,
  statusItemSchema,
  samplePickItemSchema,
]);
export type ResponseItem = z.infer<typeof responseItemSchema>;
export type ResponseItemKind = ResponseItem['kind'];

export const auditorSchema = z
  .object({
    name: nonEmptyLine(200, 'the auditor’s name'),
    firm: nonEmptyLine(200, 'the audit firm'),
    email: line(320).optional(),
  })
  .strict();
export type Auditor = z.infer<typeof auditorSchema>;

export const responseSchema = z
  .object({
    format: z.literal(RESPONSE_FORMAT),
    package: z
      .object({
        /** SHA-256 of the package's manifest.json bytes: which package this answers. */
        manifestSha256: sha256Hex,
        engagement: line(300),
      })
      .strict(),
    auditor: auditorSchema,
    createdAt: isoInstant,
    items: z.array(responseItemSchema).max(MAX_RESPONSE_ITEMS),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.items.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'Item ids repeat' });
      seen.add(item.id);
    });
  });
export type AuditorResponse = z.infer<typeof responseSchema>;

export const responseSignatureSchema = z
  .object({
    algorithm: z.literal('ed25519'),
    /** The auditor's public key, PEM (SPKI). */
    publicKey: z.string().max(1_000),
    /** The 64 signature bytes, base64. */
    value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'Not a 64-byte signature in base64'),
  })
  .strict();
export type ResponseSignature = z.infer<typeof responseSignatureSchema>;

export const responseFileSchema = z
  .object({ response: responseSchema, signature: responseSignatureSchema.nullable() })
  .strict();
export type ResponseFile = z.infer<typeof responseFileSchema>;

/** The file's text: the envelope, indented for a person to read, ending in a newline. */
export function serializeResponseFile(file: ResponseFile): string {
  return `${JSON.stringify(responseFileSchema.parse(file), null, 2)}\n`;
}

/** Items in time order; items of the same time keep the order they were added in. */
export function sortItems(items: readonly ResponseItem[]): ResponseItem[] {
  return [...items].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** How a response names its auditor when the consultant cannot rely on a signature. */
export function unsignedLabel(firm: string): string {
  return `from an unsigned response naming ${firm}`;
}

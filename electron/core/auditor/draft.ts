/**
 * The auditor's draft response to one package, kept in ATTEST_HOME between sessions (keyed by
 * the package's manifest hash): items are added and removed one at a time, each written through
 * at once, and the signed response file is written from it whenever the auditor saves.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { AttestError } from '../../../shared/api/errors';
import {
  type AuditorResponse,
  RESPONSE_FORMAT,
  type ResponseItem,
  responseItemSchema,
  serializeResponseFile,
  sortItems,
} from '../../../shared/domain/auditor/response';
import { manifestSchema } from '../../../shared/domain/package/manifest';
import { draftPath, writeFileAtomically } from './files';
import { auditorKey } from './identity';
import { signResponse } from './signature';

const DRAFT_FORMAT = 'attest-response-draft/1';

const draftSchema = z.object({
  format: z.literal(DRAFT_FORMAT),
  package: z.object({ manifestSha256: z.string(), engagement: z.string() }),
  items: z.array(responseItemSchema),
  /** When an item was last added or removed (absent in a draft never changed). */
  updatedAt: z.string().optional(),
});
export type ResponseDraft = z.infer<typeof draftSchema>;
export type PackageRef = ResponseDraft['package'];

/** An item as the auditor gives it; the draft adds its id and time. */
export type DraftItemInput = ResponseItem extends infer I
  ? I extends ResponseItem
    ? Omit<I, 'id' | 'at'>
    : never
  : never;

/**
 * Which package a draft answers, from the exact bytes of its `manifest.json` (as the verifier
 * read them from the zip): their SHA-256, and the engagement the manifest names.
 */
export function packageRefOf(manifestBytes: Uint8Array): PackageRef {
  let engagement: string;
  try {
    engagement = manifestSchema.parse(JSON.parse(Buffer.from(manifestBytes).toString('utf8')))
      .engagement.name;
  } catch {
    throw new AttestError('not_a_package', 'This is not an audit package’s manifest.');
  }
  return { manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'), engagement };
}

/** The draft for a package, or null when the auditor has not started one. */
export function readDraft(home: string, manifestSha256: string): ResponseDraft | null {
  const path = draftPath(home, manifestSha256);
  if (!existsSync(path)) return null;
  let json: unknown = null;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // reported below
  }
  const parsed = draftSchema.safeParse(json);
  if (!parsed.success || parsed.data.package.manifestSha256 !== manifestSha256)
    throw new AttestError('integrity', `${path} is not a draft response for this package.`);
  return parsed.data;
}

/** The package's draft, started empty the first time. */
export function openDraft(home: string, pkg: PackageRef): ResponseDraft {
  const existing = readDraft(home, pkg.manifestSha256);
  if (existing) return existing;
  const draft: ResponseDraft = { format: DRAFT_FORMAT, package: pkg, items: [] };
  saveDraft(home, draft);
  return draft;
}

/**
 * Adds one item (checked against the response format) and answers it with its id and time. A
 * request has one auditor status: a new status for the same request replaces the previous one.
 */
export function addDraftItem(
  home: string,
  pkg: PackageRef,
  input: DraftItemInput,
  now: string,
): ResponseItem {
  const draft = openDraft(home, pkg);
  const parsed = responseItemSchema.safeParse({
    ...input,
    id: randomBytes(12).toString('base64url'),
    at: now,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AttestError('validation', issue.message, [
      { path: issue.path.map(String), message: issue.message },
    ]);
  }
  const item = parsed.data;
  const kept =
    item.kind === 'status'
      ? draft.items.filter((i) => !(i.kind === 'status' && i.requestRef === item.requestRef))
      : draft.items;
  saveDraft(home, { ...draft, items: sortItems([...kept, item]), updatedAt: now });
  return item;
}

/** Removes an item; false when the draft has no such item. */
export function removeDraftItem(
  home: string,
  manifestSha256: string,
  itemId: string,
  now?: string,
): boolean {
  const draft = readDraft(home, manifestSha256);
  if (!draft || !draft.items.some((i) => i.id === itemId)) return false;
  saveDraft(home, {
    ...draft,
    items: draft.items.filter((i) => i.id !== itemId),
    ...(now ? { updatedAt: now } : {}),
  });
  return true;
}

/** Forgets the draft (after the audit, or to start over). */
export function discardDraft(home: string, manifestSha256: string): void {
  rmSync(draftPath(home, manifestSha256), { force: true });
}

/** The response the draft makes now, naming the auditor as saved in their identity. */
export function responseFromDraft(
  draft: ResponseDraft,
  auditor: AuditorResponse['auditor'],
  now: string,
): AuditorResponse {
  return {
    format: RESPONSE_FORMAT,
    package: draft.package,
    auditor,
    createdAt: now,
    items: sortItems(draft.items),
  };
}

/**
 * Writes the signed response file to `destination` (beside it, then renamed), signed with the
 * auditor's key. Answers the response written and the key's fingerprint.
 */
export function writeResponseFile(
  home: string,
  manifestSha256: string,
  destination: string,
  now: string,
): { response: AuditorResponse; fingerprint: string } {
  const draft = readDraft(home, manifestSha256);
  if (!draft) throw new AttestError('not_found', 'There is no draft response for this package.');
  const { identity, privateKey } = auditorKey(home);
  const response = responseFromDraft(draft, identity.auditor, now);
  writeFileAtomically(destination, serializeResponseFile(signResponse(response, privateKey)));
  return { response, fingerprint: identity.fingerprint };
}

function saveDraft(home: string, draft: ResponseDraft): void {
  writeFileAtomically(
    draftPath(home, draft.package.manifestSha256),
    `${JSON.stringify(draft, null, 2)}\n`,
  );
}

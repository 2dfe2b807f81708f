/**
 * The response signature, in one place: an envelope inside the file (`{ response, signature }`)
 * holding the auditor's public key (PEM, SPKI) and the base64 Ed25519 signature over
 * `responseSignedText(response)` as UTF-8. One file travels, so nothing can be sent without its signature or
 * paired with another's; an unsigned response is the same envelope with `signature: null`.
 */
import { type KeyObject, createPublicKey, sign, verify } from 'node:crypto';
import { closeSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import {
  type AuditorResponse,
  type ResponseFile,
  responseFileSchema,
} from '../../../shared/domain/auditor/response';
import { responseSignedText } from '../../../shared/domain/auditor/response-signed-text';
import { openRegularFile } from '../../db/regular-file';
import { keyFingerprint, publicKeyPem, readPublicKey } from '../package/verify-signature';

/** The largest response file read (5,000 items of text fit well inside). */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export function signResponse(response: AuditorResponse, privateKey: KeyObject): ResponseFile {
  const signature = sign(null, signedBytes(response), privateKey);
  return {
    response,
    signature: {
      algorithm: 'ed25519',
      publicKey: publicKeyPem(createPublicKey(privateKey)),
      value: signature.toString('base64'),
    },
  };
}

/** Who vouches for a response: a key (named by its fingerprint), or nobody. */
export type ResponseSigner = { signed: true; fingerprint: string } | { signed: false };

export interface ReadResponse {
  response: AuditorResponse;
  signer: ResponseSigner;
}

/**
 * Reads a response file's bytes: refused (`validation`) when it is not a response, refused
 * (`integrity`) when its signature does not hold for exactly the response it carries.
 */
export function readResponseFile(bytes: Uint8Array): ReadResponse {
  if (bytes.length > MAX_RESPONSE_BYTES)
    throw notAResponse(`it is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw notAResponse('it is not JSON text');
  }
  const parsed = responseFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    throw notAResponse(`${issue.message}${where}`);
  }
  const { response, signature } = parsed.data;
  if (signature === null) return { response, signer: { signed: false } };
  const key = readPublicKey(Buffer.from(signature.publicKey, 'utf8'));
  if ('error' in key)
    throw new AttestError(
      'integrity',
      `The response’s signature cannot be checked: ${key.error.replace('signing-key.pub', 'its key')}. Nothing was imported.`,
    );
  const value = Buffer.from(signature.value, 'base64');
  let holds: boolean;
  try {
    holds = value.length === 64 && verify(null, signedBytes(response), key.key, value);
  } catch {
    holds = false;
  }
  if (!holds) {
    throw new AttestError(
      'integrity',
      'The response’s signature does not match its contents: it was changed after it was signed, or signed with another key. Nothing was imported; ask the auditor to send it again.',
    );
  }
  return { response, signer: { signed: true, fingerprint: keyFingerprint(key.key) } };
}

function notAResponse(why: string): AttestError {
  return new AttestError(
    'validation',
    `This is not an auditor’s response Attest can read: ${why}. Nothing was imported.`,
  );
}

const signedBytes = (response: AuditorResponse) =>
  Buffer.from(responseSignedText(response), 'utf8');

/** Reads a response file from disk: a regular file no larger than MAX_RESPONSE_BYTES, checked. */
export function readResponseFromPath(path: string): ReadResponse {
  const { fd, stats } = openRegularFile(
    path,
    (what) => new AttestError('validation', `${basename(path)} ${what}, not a response file.`),
    (code) =>
      code === 'ENOENT'
        ? new AttestError('not_found', `There is no file ${path}.`)
        : new AttestError('io', `${path} could not be opened (${code ?? 'unknown error'}).`),
  );
  try {
    if (stats.size > MAX_RESPONSE_BYTES)
      throw notAResponse(`it is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`);
    return readResponseFile(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

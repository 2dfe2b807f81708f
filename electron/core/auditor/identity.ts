/**
 * The auditor's identity and Ed25519 key, created on first use in ATTEST_HOME. The key signs the
 * auditor's responses; its fingerprint (hex SHA-256 of the public key's SPKI DER, the same rule
 * as a vault's package key) is what the consultant confirms with the auditor by another channel.
 */
import {
  type KeyObject,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
} from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AttestError } from '../../../shared/api/errors';
import { type Auditor, auditorSchema } from '../../../shared/domain/auditor/response';
import { keyFingerprint, publicKeyPem } from '../package/verify-signature';
import { identityPath, privateKeyPath, writeFileAtomically } from './files';

const identityFileSchema = z.object({
  auditor: auditorSchema,
  fingerprint: z.string(),
  publicKey: z.string(),
  createdAt: z.string(),
});
export type AuditorIdentity = z.infer<typeof identityFileSchema>;

/** The identity as saved, or null before the auditor has given a name. */
export function readAuditorIdentity(home: string): AuditorIdentity | null {
  if (!existsSync(identityPath(home))) return null;
  const parsed = identityFileSchema.safeParse(readJson(identityPath(home)));
  if (!parsed.success)
    throw new AttestError('integrity', `${identityPath(home)} is not an auditor identity file.`);
  return parsed.data;
}

/**
 * Saves who the auditor is; the key is created the first time and kept afterwards (a new name
 * or firm keeps the fingerprint the consultant has already confirmed).
 */
export function setAuditorIdentity(home: string, auditor: Auditor, now: string): AuditorIdentity {
  const who = auditorSchema.parse(auditor);
  const privateKey = existsSync(privateKeyPath(home)) ? readPrivateKey(home) : createKey(home);
  const publicKey = createPublicKey(privateKey);
  const identity: AuditorIdentity = {
    auditor: who,
    fingerprint: keyFingerprint(publicKey),
    publicKey: publicKeyPem(publicKey),
    createdAt: readAuditorIdentity(home)?.createdAt ?? now,
  };
  writeFileAtomically(identityPath(home), `${JSON.stringify(identity, null, 2)}\n`);
  return identity;
}

/** The identity and its private key, for signing; refused before an identity exists. */
export function auditorKey(home: string): { identity: AuditorIdentity; privateKey: KeyObject } {
  const identity = readAuditorIdentity(home);
  if (!identity || !existsSync(privateKeyPath(home))) {
    throw new AttestError(
      'validation',
      'Give your name and firm first: a response names its auditor and is signed with their key.',
    );
  }
  const privateKey = readPrivateKey(home);
  if (keyFingerprint(createPublicKey(privateKey)) !== identity.fingerprint) {
    throw new AttestError(
      'integrity',
      `The auditor key in ${privateKeyPath(home)} does not match the fingerprint in identity.json.`,
    );
  }
  return { identity, privateKey };
}

function createKey(home: string): KeyObject {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileAtomically(privateKeyPath(home), pem, 0o600);
  chmodSync(privateKeyPath(home), 0o600); // whatever the umask made of it
  return privateKey;
}

function readPrivateKey(home: string): KeyObject {
  const key = createPrivateKey({ key: readFileSync(privateKeyPath(home)), format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new AttestError('integrity', `${privateKeyPath(home)} is not an Ed25519 key.`);
  return key;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The vault's Ed25519 key as the package uses it: the public key in PEM (SPKI) for
 * `signing-key.pub`, its fingerprint (SHA-256 of the SPKI DER: `openssl pkey -pubin -outform
 * DER | sha256sum` gives the same), and the signature over the manifest's exact bytes — the 64
 * raw bytes Ed25519 produces, which is what `openssl pkeyutl -verify -rawin -sigfile` reads.
 */
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { AttestError } from '../../../shared/api/errors';
import type { VaultDb } from '../../db/connection';
import { getVaultKey } from '../../db/repos/keys';

export interface PackageSigner {
  fingerprint: string;
  publicKeyPem: string;
  sign(bytes: Buffer): Buffer;
}

export function packageSigner(db: VaultDb): PackageSigner {
  const key = getVaultKey(db);
  if (!key || key.algorithm !== 'ed25519') {
    throw new AttestError(
      'integrity',
      'The vault has no Ed25519 signing key, so a package from it could not be signed.',
    );
  }
  const fingerprint = createHash('sha256').update(key.public_key).digest('hex');
  if (fingerprint !== key.fingerprint) {
    throw new AttestError(
      'integrity',
      'The vault’s signing key does not match its recorded fingerprint; run “attest verify” on the vault.',
    );
  }
  const publicKeyPem = createPublicKey({ key: key.public_key, format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const privateKey = createPrivateKey({ key: key.private_key, format: 'der', type: 'pkcs8' });
  return { fingerprint, publicKeyPem, sign: (bytes) => sign(null, bytes, privateKey) };
}

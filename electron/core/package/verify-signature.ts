import { type KeyObject, createHash, createPublicKey, sign, verify } from 'node:crypto';

/**
 * The package signature, in one place (DESIGN §6): `manifest.json.sig` holds the raw 64-byte
 * Ed25519 signature over the exact bytes of `manifest.json`; `signing-key.pub` is the public key
 * as PEM (SPKI); the fingerprint is the hex SHA-256 of the key's SPKI DER — the vault's
 * fingerprint, which an auditor can recompute with
 * `openssl pkey -pubin -in signing-key.pub -outform DER | sha256sum`.
 */
export const SIGNATURE_BYTES = 64;

/** The signature bytes for a manifest (what the export writer stores as manifest.json.sig). */
export function signManifest(manifestBytes: Uint8Array, privateKey: KeyObject): Buffer {
  return sign(null, manifestBytes, privateKey);
}

/** `signing-key.pub`'s text for a public key. */
export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** Reads `signing-key.pub`; a reason in words when it is not an Ed25519 public key. */
export function readPublicKey(pem: Buffer): { key: KeyObject } | { error: string } {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    return { error: 'signing-key.pub is not a public key in PEM form' };
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    return { error: `signing-key.pub is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519` };
  }
  return { key };
}

/** True when `signature` is the key's Ed25519 signature over exactly these manifest bytes. */
export function checkManifestSignature(
  manifestBytes: Uint8Array,
  signature: Uint8Array,
  publicKey: KeyObject,
): boolean {
  if (signature.length !== SIGNATURE_BYTES) return false;
  try {
    return verify(null, manifestBytes, publicKey, signature);
  } catch {
    return false;
  }
}

import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { addDraftItem, readDraft, removeDraftItem, writeResponseFile } from './draft';
import { identityPath, privateKeyPath } from './files';
import { readAuditorIdentity, setAuditorIdentity } from './identity';
import { readResponseFile } from './signature';

const PKG = { manifestSha256: 'b'.repeat(64), engagement: 'Acme SOC 2' };
const NOW = '2026-12-04T10:00:00.000Z';
const auditor = { name: 'Dana Auditor', firm: 'Example LLP' };

describe('the auditor’s identity and draft response (ATTEST_HOME)', () => {
  it('creates the key once, private file 0600, fingerprint by the package key’s rule', () => {
    const home = tempDir();
    expect(readAuditorIdentity(home)).toBeNull();
    const first = setAuditorIdentity(home, auditor, NOW);
    expect(statSync(privateKeyPath(home)).mode & 0o777).toBe(0o600);
    const der = createPublicKey(first.publicKey).export({ type: 'spki', format: 'der' });
    expect(first.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    // A new firm name keeps the key the consultant already confirmed.
    const renamed = setAuditorIdentity(home, { ...auditor, firm: 'Example & Co' }, NOW);
    expect(renamed.fingerprint).toBe(first.fingerprint);
    expect(JSON.parse(readFileSync(identityPath(home), 'utf8')).auditor.firm).toBe('Example & Co');
  });

  it('keeps the draft between sessions, one status per request, items removable', () => {
    const home = tempDir();
    const comment = addDraftItem(
      home,
      PKG,
      { kind: 'comment', requestRef: 'PBC-001', body: 'Which quarter?' },
      NOW,
    );
    addDraftItem(home, PKG, { kind: 'status', requestRef: 'PBC-001', status: 'follow_up' }, NOW);
    addDraftItem(home, PKG, { kind: 'status', requestRef: 'PBC-001', status: 'accepted' }, NOW);
    const draft = readDraft(home, PKG.manifestSha256)!;
    expect(draft.items.map((i) => i.kind)).toEqual(['comment', 'status']);
    expect(draft.items.find((i) => i.kind === 'status')).toMatchObject({ status: 'accepted' });
    expect(removeDraftItem(home, PKG.manifestSha256, comment.id)).toBe(true);
    expect(removeDraftItem(home, PKG.manifestSha256, comment.id)).toBe(false);
    expect(readDraft(home, PKG.manifestSha256)!.items).toHaveLength(1);
    expect(() =>
      addDraftItem(
        home,
        PKG,
        { kind: 'sample', populationId: 'EV-0004', rowKeys: [], note: '' },
        NOW,
      ),
    ).toThrow(/at least|too small|1/i);
  });

  it('writes a signed file that Node’s crypto checks from the key inside it, and a changed byte fails', () => {
    const home = tempDir();
    setAuditorIdentity(home, auditor, NOW);
    addDraftItem(home, PKG, { kind: 'status', requestRef: 'PBC-002', status: 'accepted' }, NOW);
    const out = join(tempDir(), 'response.json');
    const { fingerprint } = writeResponseFile(home, PKG.manifestSha256, out, NOW);
    expect(readdirSync(join(out, '..'))).toEqual(['response.json']); // nothing left beside it
    const bytes = readFileSync(out);
    const read = readResponseFile(bytes);
    expect(read.signer).toEqual({ signed: true, fingerprint });
    expect(read.response.auditor).toEqual(auditor);

    // Independently: canonical JSON (jq -cS sorts keys like RFC 8785 for this ASCII content).
    const file = JSON.parse(bytes.toString('utf8'));
    const canonical = execFileSync('jq', ['-cSj', '.response'], { input: bytes });
    const key = createPublicKey(file.signature.publicKey);
    expect(verify(null, canonical, key, Buffer.from(file.signature.value, 'base64'))).toBe(true);

    const tampered = bytes.toString('utf8').replace('"accepted"', '"follow_up"');
    writeFileSync(out, tampered);
    expect(() => readResponseFile(readFileSync(out))).toThrow(/signature does not match/);
    expect(() => writeResponseFile(tempDir(), PKG.manifestSha256, out, NOW)).toThrow(/no draft/);
  });
});

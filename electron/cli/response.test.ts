import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseImportResult } from '../../shared/api/auditor-response';
import type { AuditRequest, AuditRequestDetail } from '../../shared/api/requests';
import { type ResponseFile, serializeResponseFile } from '../../shared/domain/auditor/response';
import { addDraftItem, packageRefOf, readDraft, writeResponseFile } from '../core/auditor/draft';
import { setAuditorIdentity } from '../core/auditor/identity';
import { previewResponse } from '../core/auditor/import-response';
import { readResponseFromPath } from '../core/auditor/signature';
import { getRequestDetail } from '../core/requests/queries';
import { closeVault, openVault } from '../core/vault/session';
import { buildPackageVault } from '../testing/package-vault';
import { captureIo } from '../testing/tmp';
import { run } from './main';

/**
 * The response round trip (issue 21 item 2): a package exported by `attest export`, a response
 * built and signed with the auditor's core functions in their own ATTEST_HOME, then
 * `attest response import` into the vault — and every refusal leaving the vault as it was.
 */
describe('the auditor’s response, from a real package back into the vault', () => {
  // Shared by the steps below (tempDir() folders go after each test): removed after all.
  const dir = mkdtempSync(join(tmpdir(), 'attest-response-'));
  const auditorHome = join(dir, 'auditor-home');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let vault: string;
  let pkg: { manifestSha256: string; engagement: string };
  let populationRef: string;
  let responsePath: string;
  let fingerprint: string;

  const attest = async (...args: string[]) => {
    const cli = captureIo(dir);
    const code = await run(args, cli.io);
    return { code, out: cli.out, err: cli.err };
  };
  const auditCount = () => {
    const db = new Database(vault, { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM audit_event').pluck().get() as number;
    } finally {
      db.close();
    }
  };
  const requests = async (): Promise<AuditRequest[]> => {
    const listed = JSON.parse((await attest('requests', 'list', vault, '--json')).out);
    return (Array.isArray(listed) ? listed : listed.items) as AuditRequest[];
  };
  const detail = async (ref: string): Promise<AuditRequestDetail> => {
    const v = await openVault(vault);
    try {
      const id = (v.db.sqlite.prepare('SELECT id FROM request WHERE ref = ?').pluck().get(ref) ??
        '') as string;
      return getRequestDetail(v, id);
    } finally {
      closeVault(v);
    }
  };
  const readiness = async () => {
    const r = await attest('readiness', vault, '--json');
    expect(r.code, r.err).not.toBe(2);
    return r.out;
  };

  beforeAll(async () => {
    mkdirSync(auditorHome);
    vault = await buildPackageVault(dir);
    const exported = await attest('export', vault, '--out', 'package.zip');
    expect(exported.code, exported.err).toBe(0);
    const manifest = execFileSync('unzip', ['-p', join(dir, 'package.zip'), 'manifest.json']);
    const parsed = JSON.parse(manifest.toString('utf8'));
    pkg = packageRefOf(manifest);
    expect(pkg).toEqual({
      manifestSha256: createHash('sha256').update(manifest).digest('hex'),
      engagement: parsed.engagement.name,
    });
    populationRef = parsed.files.find((f: { kind: string }) => f.kind === 'population').evidenceId;
    const reviewRef = parsed.files.find(
      (f: { kind: string; requests: string[] }) =>
        f.kind === 'evidence' && f.requests.includes('PBC-001'),
    ).evidenceId;

    // The auditor's side, in their own ATTEST_HOME: identity, a draft over two sessions, the file.
    const now = '2026-12-04T10:00:00.000Z';
    ({ fingerprint } = setAuditorIdentity(
      auditorHome,
      { name: 'Dana Auditor', firm: 'Example LLP', email: 'dana@example.test' },
      now,
    ));
    addDraftItem(
      auditorHome,
      pkg,
      { kind: 'status', requestRef: 'PBC-001', status: 'accepted' },
      now,
    );
    addDraftItem(
      auditorHome,
      pkg,
      { kind: 'status', requestRef: 'PBC-002', status: 'follow_up' },
      now,
    );
    addDraftItem(
      auditorHome,
      pkg,
      { kind: 'comment', requestRef: 'PBC-002', body: 'Which HR export is this?' },
      now,
    );
    addDraftItem(
      auditorHome,
      pkg,
      { kind: 'comment', evidenceId: reviewRef, body: 'Sign-off date missing.' },
      now,
    );
    expect(readDraft(auditorHome, pkg.manifestSha256)!.items).toHaveLength(4);
    addDraftItem(
      auditorHome,
      pkg,
      {
        kind: 'request',
        title: 'Firewall rule review',
        description: 'Q3 and Q4.',
        criteria: ['CC6.6'],
        dueOn: '2027-01-15',
      },
      now,
    );
    addDraftItem(
      auditorHome,
      pkg,
      {
        kind: 'sample',
        populationId: populationRef,
        rowKeys: ['ana', 'bo'],
        note: 'Show access removed within 1 day.',
      },
      now,
    );
    responsePath = join(dir, 'response.json');
    writeResponseFile(auditorHome, pkg.manifestSha256, responsePath, now);
  }, 180_000);

  it('shows a response without a vault, naming the key', async () => {
    const shown = await attest('response', 'show', responsePath);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain(`Signed by the auditor key ${fingerprint}`);
    expect(shown.out).toContain('6 items');
  });

  it('refuses a response to another vault’s package, changing nothing', async () => {
    const cli = captureIo(dir);
    expect(
      await run(['init', 'other.attest', '--name', 'Other', '--as-of', '2026-06-30'], cli.io),
    ).toBe(0);
    const other = join(dir, 'other.attest');
    const refused = await attest('response', 'import', other, responsePath);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /answers a package this vault did not export.*Nothing was imported/,
    );
    const db = new Database(other, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM request').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses tampered bytes, a malformed file and a signature by another key, changing nothing', async () => {
    const before = auditCount();
    const text = readFileSync(responsePath, 'utf8');
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, text.replace('"accepted"', '"follow_up"'));
    const t = await attest('response', 'import', vault, tampered);
    expect(t.code).toBe(1);
    expect(t.err).toMatch(/signature does not match its contents/);

    const malformed = join(dir, 'malformed.json');
    writeFileSync(malformed, text.slice(0, 200));
    const m = await attest('response', 'import', vault, malformed);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/not an auditor’s response Attest can read: it is not JSON/);
    const wrongShape = join(dir, 'wrong-shape.json');
    writeFileSync(
      wrongShape,
      JSON.stringify({ response: { format: 'attest-response/9' }, signature: null }),
    );
    expect((await attest('response', 'import', vault, wrongShape)).err).toMatch(
      /not an auditor’s response/,
    );

    const file = JSON.parse(text) as ResponseFile;
    const stranger = generateKeyPairSync('ed25519').publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const swapped = join(dir, 'swapped.json');
    writeFileSync(
      swapped,
      serializeResponseFile({
        ...file,
        signature: { ...file.signature!, publicKey: stranger.toString() },
      }),
    );
    const s = await attest('response', 'import', vault, swapped);
    expect(s.code).toBe(1);
    expect(s.err).toMatch(/signature does not match/);
    expect(auditCount()).toBe(before);
  });

  it('previews the import with the import’s own checks, changing nothing', async () => {
    const before = auditCount();
    const v = await openVault(vault);
    try {
      const preview = previewResponse(v, readResponseFromPath(responsePath));
      expect(preview).toMatchObject({
        fingerprint,
        auditor: { name: 'Dana Auditor', firm: 'Example LLP', email: 'dana@example.test' },
        alreadyImported: false,
        itemsNew: 6,
        itemsAlreadyImported: 0,
        counts: { status: 2, comment: 2, request: 1, sample: 1 },
      });
      const text = readFileSync(responsePath, 'utf8');
      const tampered = join(dir, 'preview-tampered.json');
      writeFileSync(tampered, text.replace('"accepted"', '"follow_up"'));
      expect(() => previewResponse(v, readResponseFromPath(tampered))).toThrow(
        /signature does not match its contents/,
      );
    } finally {
      closeVault(v);
    }
    expect(auditCount()).toBe(before);
    expect((await requests()).some((r) => r.ref.startsWith('AUD-'))).toBe(false);
  });

  it('imports statuses, comments, new and sample-pick requests; audited; readiness unchanged; twice changes nothing', async () => {
    const readinessBefore = await readiness();
    const before = auditCount();
    const imported = await attest('response', 'import', vault, responsePath, '--json');
    expect(imported.code, imported.err).toBe(0);
    const result = JSON.parse(imported.out) as ResponseImportResult;
    expect(result).toMatchObject({
      fingerprint,
      attribution: 'Dana Auditor (Example LLP)',
      alreadyImported: false,
      itemsApplied: 6,
    });

    const list = await requests();
    const byRef = (ref: string) => list.find((r) => r.ref === ref)!;
    expect(byRef('PBC-001').auditorStatus).toBe('accepted');
    expect(byRef('PBC-002').auditorStatus).toBe('follow_up');
    expect(byRef('AUD-001')).toMatchObject({
      criteria: ['CC6.6'],
      dueOn: '2027-01-15',
      status: 'new',
    });
    expect(byRef('AUD-001').description).toBe('Firewall rule review\n\nQ3 and Q4.');
    expect(byRef('AUD-002')).toMatchObject({ type: 'sample' });
    expect(byRef('AUD-002').description).toMatch(
      new RegExp(`^Sample selected by Example LLP from ${populationRef} .*: 2 rows — ana, bo\\.`),
    );
    expect(byRef('AUD-002').extraColumns).toEqual(
      expect.arrayContaining([
        { header: 'Population', value: populationRef },
        { header: 'Rows', value: 'ana, bo' },
      ]),
    );
    const thread2 = (await detail('PBC-002')).comments.filter((c) => c.source === 'auditor');
    expect(thread2).toEqual([
      expect.objectContaining({
        author: 'Dana Auditor (Example LLP)',
        body: 'Which HR export is this?',
      }),
    ]);
    const thread1 = (await detail('PBC-001')).comments.filter((c) => c.source === 'auditor');
    expect(thread1[0]!.body).toMatch(/^On EV-\S+ .*: Sign-off date missing\.$/);

    // Every change is in the audit log; nothing but requests, their links and threads changed.
    const db = new Database(vault, { readonly: true });
    const entities = db
      .prepare('SELECT entity FROM audit_event WHERE seq > ? ORDER BY seq')
      .pluck()
      .all(before) as string[];
    db.close();
    expect(new Set(entities)).toEqual(
      new Set(['request', 'request_comment', 'request_criterion', 'auditor_response']),
    );
    expect(entities.filter((e) => e === 'request')).toHaveLength(4); // two statuses, two new
    expect((await attest('verify', vault)).code).toBe(0);
    expect(await readiness()).toBe(readinessBefore);

    const after = auditCount();
    const again = await attest('response', 'import', vault, responsePath);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(
      'Already imported: all 6 items were imported before. Nothing changed.',
    );
    expect(auditCount()).toBe(after);
  });

  it('adds only the new items of a later response, and refuses one naming a request the vault lacks', async () => {
    const now = '2026-12-05T10:00:00.000Z';
    addDraftItem(
      auditorHome,
      pkg,
      { kind: 'comment', requestRef: 'PBC-001', body: 'Thanks.' },
      now,
    );
    const later = join(dir, 'response-2.json');
    writeResponseFile(auditorHome, pkg.manifestSha256, later, now);
    const grown = await attest('response', 'import', vault, later, '--json');
    expect(grown.code, grown.err).toBe(0);
    expect(JSON.parse(grown.out)).toMatchObject({ itemsApplied: 1, itemsAlreadyImported: 6 });

    addDraftItem(
      auditorHome,
      pkg,
      { kind: 'status', requestRef: 'PBC-999', status: 'accepted' },
      now,
    );
    addDraftItem(
      auditorHome,
      pkg,
      { kind: 'comment', requestRef: 'PBC-002', body: 'Chasing.' },
      now,
    );
    const wrong = join(dir, 'response-3.json');
    writeResponseFile(auditorHome, pkg.manifestSha256, wrong, now);
    const before = auditCount();
    const refused = await attest('response', 'import', vault, wrong);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/names request PBC-999, which this vault does not have/);
    expect(auditCount()).toBe(before);
  });

  it('labels an unsigned response by the firm it names', async () => {
    const file = JSON.parse(readFileSync(responsePath, 'utf8')) as ResponseFile;
    const unsigned = join(dir, 'unsigned.json');
    const items = [
      {
        id: 'unsigned-comment-1',
        at: '2026-12-04T11:00:00.000Z',
        kind: 'comment' as const,
        requestRef: 'PBC-001',
        body: 'Looks fine.',
      },
    ];
    writeFileSync(
      unsigned,
      serializeResponseFile({ response: { ...file.response, items }, signature: null }),
    );
    const r = await attest('response', 'import', vault, unsigned);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Not signed: treated as from an unsigned response naming Example LLP.');
    const last = (await detail('PBC-001')).comments.at(-1)!;
    expect(last).toMatchObject({
      source: 'auditor',
      author: 'Dana Auditor, from an unsigned response naming Example LLP',
      body: 'Looks fine.',
    });
  });
});

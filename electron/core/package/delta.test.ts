import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, manifestSchema } from '../../../shared/domain/package/manifest';
import { run } from '../../cli/main';
import { buildPackageVault } from '../../testing/package-vault';
import { sampleFiles, writeTestPackage } from '../../testing/package-fixture';
import { readBackWithPython } from '../../testing/read-back';
import { captureIo, tempDir } from '../../testing/tmp';
import { supersedeEvidence, updateEvidence } from '../evidence/evidence';
import { createPerson } from '../people/people';
import { archiveRequest } from '../requests/edits';
import { archiveSubservice, saveSubservice } from '../sd/subservices';
import { subserviceInput } from '../../../shared/api/sd';
import { type Vault, closeVault, openVault } from '../vault/session';
import { readPreviousPackage } from './delta';
import { DEFAULT_PACKAGE_OPTIONS } from './options';
import { packageSigner } from './signing';
import { verifyPackage } from './verify-package';
import { exportPackage } from './writer';

let built = '';
let builtDir = '';

beforeAll(async () => {
  // Built once (the demo takes a few seconds); each test works on a copy of the file.
  builtDir = mkdtempSync(join(tmpdir(), 'attest-delta-'));
  built = await buildPackageVault(builtDir);
}, 60_000);

afterAll(() => rmSync(builtDir, { recursive: true, force: true }));

function copyVault(dir: string): string {
  const path = join(dir, 'vault.attest');
  copyFileSync(built, path);
  return path;
}

async function withVault<T>(path: string, f: (vault: Vault) => Promise<T> | T): Promise<T> {
  const vault = await openVault(path);
  try {
    return await f(vault);
  } finally {
    closeVault(vault);
  }
}

/** A full package, or a delta of `since` (read and verified as the handler does). */
function exportTo(vaultPath: string, out: string, since?: string) {
  return withVault(vaultPath, async (vault) => {
    const previous = since
      ? await readPreviousPackage(vault.db, packageSigner(vault.db).fingerprint, since)
      : null;
    return exportPackage(vault, out, { ...DEFAULT_PACKAGE_OPTIONS, since: previous });
  });
}

const manifestOf = (zip: string): Manifest =>
  manifestSchema.parse(
    JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })),
  );

const entriesOf = (zip: string) =>
  execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');

function csvOf(zip: string, dir: string, path: string): Record<string, string>[] {
  const file = join(dir, `${path.replace(/\W/g, '_')}.csv`);
  writeFileSync(file, execFileSync('unzip', ['-p', zip, path]));
  const [head, ...rows] = readBackWithPython(file, 'csv');
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

async function addEvidence(vaultPath: string, dir: string, name: string, ...args: string[]) {
  const file = join(dir, name);
  writeFileSync(file, `${name}: new evidence for the second wave.\n`);
  const cli = captureIo(dir);
  expect(await run(['evidence', 'add', vaultPath, file, ...args], cli.io), cli.err).toBe(0);
}

describe('a delta package', () => {
  it('after one evidence file is added holds that file alone, marks every index row, and verifies like a full package', async () => {
    const dir = tempDir();
    const vaultPath = copyVault(dir);
    const wave1 = join(dir, 'wave1.zip');
    await exportTo(vaultPath, wave1);
    const first = manifestOf(wave1);
    await addEvidence(
      vaultPath,
      dir,
      'firewall-rules.txt',
      '--control',
      'AC-01',
      '--request',
      'PBC-002',
    );

    const wave2 = join(dir, 'wave2.zip');
    const result = await exportTo(vaultPath, wave2, wave1);
    const m = manifestOf(wave2);
    const added = m.files.filter((f) => f.kind === 'evidence' || f.kind === 'population');
    expect(added).toHaveLength(1);
    expect(added[0]!.path).toMatch(/^04_Evidence\/AC-01\/EV-\d+.*firewall-rules\.txt$/);
    expect(added[0]).toMatchObject({ controls: ['AC-01'], requests: ['PBC-002'] });
    const newId = added[0]!.evidenceId!;
    // Unchanged documents are left out; the README, the viewer and the indexes are whole.
    const names = entriesOf(wave2);
    expect(names.some((p) => p.startsWith('03_Policies/'))).toBe(false);
    expect(names.some((p) => p.startsWith('02_System_Description/'))).toBe(false);
    expect(names).toEqual(
      expect.arrayContaining([
        '00_README.pdf',
        'index.html',
        '01_Index/evidence-index.csv',
        '01_Index/removed-since-previous.csv',
        'manifest.json',
        'manifest.json.sig',
        'SHA256SUMS',
        'signing-key.pub',
      ]),
    );
    // It names the package it follows by its manifest's hash; its records are cumulative.
    const firstBytes = execFileSync('unzip', ['-p', wave1, 'manifest.json']);
    expect(m.delta).toMatchObject({
      since: createHash('sha256').update(firstBytes).digest('hex'),
      previousGeneratedAt: first.generatedAt,
      previousChainHead: first.chainHead,
      removed: [],
    });
    expect(m.options.since).toBe(m.delta!.since);
    expect(m.delta!.counts).toMatchObject({ new: 1, removed: 0 });
    expect(m.records.length).toBe(first.records.length + 1);
    expect(result.delta).toMatchObject({ new: 1, removed: 0 });

    // Every row of the indexes is there, marked.
    const evidence = csvOf(wave2, dir, '01_Index/evidence-index.csv');
    expect(evidence.length).toBe(first.files.filter((f) => f.evidenceId).length + 1);
    const status = (ref: string) =>
      evidence.find((r) => r['Evidence ID'] === ref)?.['Since previous package'];
    expect(status(newId)).toBe('new');
    expect(evidence.filter((r) => r['Since previous package'] === 'new')).toHaveLength(1);
    expect(
      evidence.filter((r) => r['Since previous package'] === 'unchanged (in an earlier package)'),
    ).toHaveLength(evidence.length - 1);
    const matrix = csvOf(wave2, dir, '01_Index/control-matrix.csv');
    expect(matrix.find((r) => r.Ref === 'AC-01')!['Since previous package']).toBe('changed');
    expect(matrix.find((r) => r.Ref === 'AC-05')!['Since previous package']).toBe(
      'unchanged (in an earlier package)',
    );
    const requests = csvOf(wave2, dir, '01_Index/request-list.csv');
    expect(requests.map((r) => r['Since previous package'])).toContain('changed');

    // README and viewer say plainly what it is and which package it follows.
    const readme = execFileSync('pdftotext', ['-', '-'], {
      input: execFileSync('unzip', ['-p', wave2, '00_README.pdf']),
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(readme).toContain('This is a delta package');
    expect(readme).toContain('wave1.zip');
    expect(readme).toContain(first.generatedAt);
    const html = execFileSync('unzip', ['-p', wave2, 'index.html'], { encoding: 'utf8' });
    expect(html).toContain('A delta package.');
    expect(html).toContain('in an earlier package');

    // Independent tools accept it; so does Attest, naming what it follows.
    expect(execFileSync('unzip', ['-t', wave2], { encoding: 'utf8' })).toMatch(
      /No errors detected/,
    );
    const folder = join(dir, 'unzipped');
    mkdirSync(folder);
    execFileSync('unzip', ['-q', wave2, '-d', folder]);
    const sums = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(sums).not.toMatch(/FAILED/);
    const report = await verifyPackage(wave2);
    expect(report.verified).toBe(true);
    expect(report.manifest!.delta).toMatchObject({ since: m.delta!.since, new: 1 });

    // A delta of the delta, with nothing changed since, carries no record at all.
    const wave3 = join(dir, 'wave3.zip');
    await exportTo(vaultPath, wave3, wave2);
    const third = manifestOf(wave3);
    expect(third.files.filter((f) => f.evidenceId || f.policyVersion)).toEqual([]);
    expect(third.delta!.counts).toMatchObject({ new: 0, changed: 0, removed: 0 });
    expect(third.delta!.counts.unchanged).toBe(m.records.length);
  }, 120_000);

  it('includes a changed record, marked changed, and lists what was removed', async () => {
    const dir = tempDir();
    const vaultPath = copyVault(dir);
    const wave1 = join(dir, 'wave1.zip');
    await exportTo(vaultPath, wave1);
    const first = manifestOf(wave1);
    const review = first.files.find((f) => f.requests.includes('PBC-001'))!;
    const population = first.files.find(
      (f) => f.kind === 'population' && f.path.endsWith('_terminations.csv'),
    )!;
    const other = first.files.find(
      (f) => f.kind === 'evidence' && f.evidenceId && f.evidenceId !== review.evidenceId,
    )!;
    await withVault(vaultPath, (vault) => {
      const idOf = (ref: string) =>
        (
          vault.db.sqlite.prepare('SELECT id FROM evidence WHERE ref = ?').get(ref) as {
            id: string;
          }
        ).id;
      const requestId = (
        vault.db.sqlite.prepare("SELECT id FROM request WHERE ref = 'PBC-002'").get() as {
          id: string;
        }
      ).id;
      updateEvidence(vault, idOf(review.evidenceId!), { title: 'Access review Q1 signed' });
      // One item replaced by another (it leaves the package), one request archived.
      supersedeEvidence(vault, idOf(other.evidenceId!), idOf(population.evidenceId!), undefined);
      archiveRequest(vault, requestId, true);
    });

    const wave2 = join(dir, 'wave2.zip');
    await exportTo(vaultPath, wave2, wave1);
    const m = manifestOf(wave2);
    const renamed = m.files.find((f) => f.evidenceId === review.evidenceId)!;
    expect(renamed.path).toMatch(/Access-review-Q1-signed\.txt$/);
    expect(renamed.sha256).toBe(review.sha256);
    const evidence = csvOf(wave2, dir, '01_Index/evidence-index.csv');
    const row = evidence.find((r) => r['Evidence ID'] === review.evidenceId)!;
    expect(row['Since previous package']).toBe('changed');
    expect(row.Link).toBe(renamed.path);
    expect(m.delta!.removed).toEqual(
      expect.arrayContaining([
        { kind: 'evidence', id: other.evidenceId, paths: [other.path] },
        { kind: 'request', id: 'PBC-002', paths: [] },
      ]),
    );
    const removed = csvOf(wave2, dir, '01_Index/removed-since-previous.csv');
    expect(removed).toEqual(
      expect.arrayContaining([
        { What: 'Evidence', ID: other.evidenceId, 'Files in the earlier package': other.path },
        { What: 'Request', ID: 'PBC-002', 'Files in the earlier package': '' },
      ]),
    );
    const html = execFileSync('unzip', ['-p', wave2, 'index.html'], { encoding: 'utf8' });
    expect(html).toContain('Removed since the earlier package');
    expect(html).toContain(other.path);
    expect((await verifyPackage(wave2)).verified).toBe(true);
  }, 120_000);

  it('keeps vendors whose names fold to one file name apart, by a stable SUB-NN id', async () => {
    const dir = tempDir();
    const vaultPath = copyVault(dir);
    const ids = await withVault(vaultPath, (vault) =>
      ['Acme, Inc.', 'Acme Inc', 'AWS', 'aws'].map(
        (name) =>
          saveSubservice(vault, subserviceInput.parse({ name, method: 'inclusive', criteria: [] }))
            .id,
      ),
    );
    const wave1 = join(dir, 'wave1.zip');
    await exportTo(vaultPath, wave1);
    const first = manifestOf(wave1);
    const notes = entriesOf(wave1).filter((p) => p.endsWith('_review-notes.md'));
    // The vault's two vendors came first (SUB-01, SUB-02); the four added follow in creation order.
    expect(notes).toEqual([
      expect.stringMatching(/^06_Subservice\/SUB-01_CloudHost/),
      expect.stringMatching(/^06_Subservice\/SUB-02_Vendor/),
      '06_Subservice/SUB-03_Acme-Inc_review-notes.md',
      '06_Subservice/SUB-04_Acme-Inc_review-notes.md',
      '06_Subservice/SUB-05_AWS_review-notes.md',
      '06_Subservice/SUB-06_aws_review-notes.md',
    ]);
    const text = (path: string) => execFileSync('unzip', ['-p', wave1, path], { encoding: 'utf8' });
    expect(text(notes[2]!)).toContain('# SUB-03 Acme, Inc.:');
    expect(text(notes[3]!)).toContain('# SUB-04 Acme Inc:');
    const vendors = (m: Manifest) =>
      m.records.filter((r) => r.kind === 'subservice').map((r) => r.id);
    expect(vendors(first)).toEqual(['SUB-01', 'SUB-02', 'SUB-03', 'SUB-04', 'SUB-05', 'SUB-06']);
    expect((await verifyPackage(wave1)).verified).toBe(true);

    // Nothing changed: a delta carries no vendor. Then a rename is the same record, changed, and
    // archiving one renumbers none.
    const wave2 = join(dir, 'wave2.zip');
    await exportTo(vaultPath, wave2, wave1);
    const second = manifestOf(wave2);
    expect(second.delta!.counts).toMatchObject({ new: 0, changed: 0, removed: 0 });
    expect(second.files.some((f) => f.kind === 'subservice')).toBe(false);
    await withVault(vaultPath, (vault) => {
      const rename = subserviceInput.parse({
        id: ids[3],
        name: 'Amazon Web Services',
        method: 'inclusive',
        criteria: [],
      });
      saveSubservice(vault, rename);
      archiveSubservice(vault, ids[0]!, true);
    });
    const wave3 = join(dir, 'wave3.zip');
    await exportTo(vaultPath, wave3, wave2);
    const third = manifestOf(wave3);
    expect(vendors(third)).toEqual(['SUB-01', 'SUB-02', 'SUB-04', 'SUB-05', 'SUB-06']);
    expect(third.delta!.removed).toEqual([
      {
        kind: 'subservice',
        id: 'SUB-03',
        paths: ['06_Subservice/SUB-03_Acme-Inc_review-notes.md'],
      },
    ]);
    expect(third.files.filter((f) => f.kind === 'subservice').map((f) => f.path)).toEqual([
      '06_Subservice/SUB-06_Amazon-Web-Services_review-notes.md',
    ]);
  }, 120_000);

  it('is reproducible: the same vault and the same earlier package give the same files', async () => {
    const dir = tempDir();
    const vaultPath = copyVault(dir);
    const wave1 = join(dir, 'wave1.zip');
    await exportTo(vaultPath, wave1);
    await addEvidence(vaultPath, dir, 'dr-test.txt', '--control', 'AC-05');
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    await exportTo(vaultPath, a, wave1);
    await new Promise((r) => setTimeout(r, 1100)); // so "now" is a different second
    await exportTo(vaultPath, b, wave1);
    const hashes = (zip: string) =>
      Object.fromEntries(
        entriesOf(zip).map((p) => [
          p,
          createHash('sha256')
            .update(execFileSync('unzip', ['-p', zip, p], { maxBuffer: 1 << 26 }))
            .digest('hex'),
        ]),
      );
    const ha = hashes(a);
    const hb = hashes(b);
    expect(Object.keys(ha)).toEqual(Object.keys(hb));
    expect(Object.keys(ha).filter((k) => ha[k] !== hb[k])).toEqual([
      'manifest.json',
      'manifest.json.sig',
    ]);
    expect({ ...manifestOf(a), generatedAt: null }).toEqual({
      ...manifestOf(b),
      generatedAt: null,
    });
  }, 120_000);

  it('refuses an earlier package that fails verification, comes from another vault, or from another copy of this one', async () => {
    const dir = tempDir();
    const vaultPath = copyVault(dir);
    const wave1 = join(dir, 'wave1.zip');
    await exportTo(vaultPath, wave1);
    const attempt = (since: string) =>
      exportTo(vaultPath, join(dir, 'delta.zip'), since).catch((e: unknown) => e);

    // One byte of a stored evidence file changed after export.
    const bytes = readFileSync(wave1);
    const at = bytes.indexOf('Quarterly access review');
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'q'.charCodeAt(0);
    const tampered = join(dir, 'tampered.zip');
    writeFileSync(tampered, bytes);
    expect(await attempt(tampered)).toMatchObject({
      code: 'integrity',
      message: expect.stringMatching(/tampered\.zip did not pass verification/),
      details: [{ path: ['since'] }],
    });

    const foreign = await writeTestPackage(join(dir, 'foreign.zip'), sampleFiles());
    expect(await attempt(foreign.path)).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/exported from another vault/),
      details: [{ path: ['since'] }],
    });

    // A copy of the vault (same key) that went its own way, then exported.
    const copy = join(dir, 'copy.attest');
    copyFileSync(vaultPath, copy);
    await withVault(copy, (vault) => createPerson(vault, { name: 'Only in the copy' }));
    await withVault(vaultPath, (vault) => createPerson(vault, { name: 'Only in the original' }));
    const fromCopy = join(dir, 'from-copy.zip');
    await exportTo(copy, fromCopy);
    expect(await attempt(fromCopy)).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/another copy of this vault/),
    });

    const notAZip = join(dir, 'not-a-zip.zip');
    writeFileSync(notAZip, 'plain text');
    expect(await attempt(notAZip)).toMatchObject({
      code: 'not_a_package',
      details: [{ path: ['since'] }],
    });
    expect(entriesOf(wave1).length).toBeGreaterThan(0);
    expect(execFileSync('ls', [dir], { encoding: 'utf8' })).not.toMatch(/delta\.zip/);
  }, 120_000);
});

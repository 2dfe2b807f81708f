import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../shared/domain/package/manifest';
import { readBackWithPython, readXlsxCellsWithPython } from '../../testing/read-back';
import { FORMULA, buildPackageVault } from '../../testing/package-vault';
import { tempDir } from '../../testing/tmp';
import { fixedClock } from '../../platform/clock';
import { type SessionOptions, closeVault, openVault } from '../vault/session';
import { DEFAULT_PACKAGE_OPTIONS, type PackageOptions } from './options';
import { exportPackage, writePackageTo } from './writer';

let vaultPath = '';
let vaultDir = '';

beforeAll(async () => {
  // One vault for the file (built once: the demo takes a couple of seconds); each test exports
  // into a folder of its own.
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  vaultDir = mkdtempSync(join(tmpdir(), 'attest-package-'));
  vaultPath = await buildPackageVault(vaultDir);
}, 60_000);

afterAll(() => rmSync(vaultDir, { recursive: true, force: true }));

/**
 * The default package and the one with internal papers, each exported once for the file and
 * unzipped once: the tests that only read them share them (an export of the demo takes seconds).
 * Each is exported into a folder of its own, before any test changes the vault.
 */
const shared = new Map<string, Promise<{ dir: string; out: string; result: PackageResult }>>();
function sharedExport(kind: 'default' | 'internal') {
  let made = shared.get(kind);
  if (!made) {
    made = (async () => {
      const dir = join(vaultDir, `shared-${kind}`);
      mkdirSync(dir);
      return { dir, ...(await exportTo(dir, kind === 'internal' ? { internal: true } : {})) };
    })();
    shared.set(kind, made);
  }
  return made;
}
const unzipped = new Map<string, Promise<string>>();
function sharedFolder(kind: 'default' | 'internal'): Promise<string> {
  let folder = unzipped.get(kind);
  if (!folder) {
    folder = sharedExport(kind).then(({ out, dir }) => unzipTo(out, dir));
    unzipped.set(kind, folder);
  }
  return folder;
}
type PackageResult = Awaited<ReturnType<typeof exportPackage>>;

async function exportTo(
  dir: string,
  options: Partial<PackageOptions> = {},
  name = 'package.zip',
  session: SessionOptions = {},
) {
  const vault = await openVault(vaultPath, session);
  try {
    const out = join(dir, name);
    const result = await exportPackage(vault, out, { ...DEFAULT_PACKAGE_OPTIONS, ...options });
    return { out, result };
  } finally {
    closeVault(vault);
  }
}

function unzipTo(zip: string, dir: string): string {
  const folder = join(dir, 'unzipped');
  mkdirSync(folder);
  execFileSync('unzip', ['-q', zip, '-d', folder]);
  return folder;
}

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(folder, p));
    }
  };
  walk(folder);
  return out.sort();
}

describe('the audit package', () => {
  it('is a zip that unzip, sha256sum and Node’s crypto accept from the public key alone', async () => {
    const { dir, out, result } = await sharedExport('default');
    expect(execFileSync('unzip', ['-t', out], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const folder = await sharedFolder('default');

    // Every file but the three that describe the others is checked by sha256sum -c.
    const sums = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(sums).not.toMatch(/FAILED/);
    const manifestBytes = readFileSync(join(folder, 'manifest.json'));
    const manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
    const listed = manifest.files.map((f) => f.path);
    expect(filesUnder(folder)).toEqual(
      [...listed, 'manifest.json', 'manifest.json.sig', 'SHA256SUMS'].sort(),
    );
    expect(sums.trim().split('\n')).toHaveLength(listed.length);
    for (const f of manifest.files) {
      const bytes = readFileSync(join(folder, f.path));
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
      expect(bytes.length, f.path).toBe(f.size);
    }

    // The signature, from signing-key.pub alone; the fingerprint is the key's DER, hashed.
    const publicKey = createPublicKey(readFileSync(join(folder, 'signing-key.pub')));
    const signature = readFileSync(join(folder, 'manifest.json.sig'));
    expect(signature).toHaveLength(64);
    expect(verify(null, manifestBytes, publicKey, signature)).toBe(true);
    const tampered = Buffer.from(manifestBytes);
    tampered[10] = tampered[10]! ^ 1;
    expect(verify(null, tampered, publicKey, signature)).toBe(false);
    const der = publicKey.export({ type: 'spki', format: 'der' });
    const fingerprint = createHash('sha256').update(der).digest('hex');
    expect(manifest.keyFingerprint).toBe(fingerprint);
    expect(result.fingerprint).toBe(fingerprint);
    // …and with openssl, as the README tells an auditor to do.
    execFileSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'signing-key.pub',
        '-rawin',
        '-in',
        'manifest.json',
        '-sigfile',
        'manifest.json.sig',
      ],
      { cwd: folder },
    );

    expect(result.files).toBe(listed.length + 3);
    expect(result.size).toBe(statSync(out).size);
    expect(result.sha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'));
    expect(readdirSync(dir).filter((n) => n.includes('.partial-'))).toEqual([]);

    const vault = await openVault(vaultPath);
    try {
      const { chainHead } = await import('../../db/audit');
      expect(manifest.chainHead).toEqual(chainHead(vault.db));
    } finally {
      closeVault(vault);
    }
  }, 60_000);

  it('lays the files out as DESIGN §6 names them, each stored file once', async () => {
    const folder = await sharedFolder('default');
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')),
    );
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '00_README.pdf',
        'index.html',
        'signing-key.pub',
        '01_Index/evidence-index.xlsx',
        '01_Index/evidence-index.csv',
        '01_Index/request-list.xlsx',
        '01_Index/request-list.csv',
        '01_Index/control-matrix.xlsx',
        '01_Index/control-matrix.csv',
        '02_System_Description/System-Description.docx',
        '02_System_Description/System-Description.pdf',
        '02_System_Description/Management-Assertion.docx',
        '02_System_Description/Management-Assertion.pdf',
        '02_System_Description/CUECs.csv',
        '02_System_Description/Subservice-Organisations.xlsx',
      ]),
    );
    expect(paths.some((p) => p.startsWith('07_Internal/'))).toBe(false);
    // The review added with a formula-looking name, under its control, dated by what it covers.
    const review = manifest.files.find(
      (f) => f.path.startsWith('04_Evidence/AC-01/') && f.requests.includes('PBC-001'),
    )!;
    expect(review.path).toMatch(
      /^04_Evidence\/AC-01\/EV-\d+_2026-03-31_SUM-1-1-access-review\.txt$/,
    );
    expect(review).toMatchObject({ kind: 'evidence', controls: ['AC-01'] });
    expect(review.criteria.length).toBeGreaterThan(0);
    // The population under its window, its completeness file beside it, neither in 04_Evidence.
    // (This test's own; the demo brings populations of its own too.)
    const populations = manifest.files.filter(
      (f) =>
        f.path.startsWith('05_Populations/') &&
        /_terminations(\.csv|-query-screenshot\.txt)$/.test(f.path),
    );
    expect(populations.map((f) => f.path)).toEqual([
      expect.stringMatching(
        /^05_Populations\/EV-\d+_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d_terminations\.csv$/,
      ),
      expect.stringMatching(
        /^05_Populations\/EV-\d+_support_EV-\d+_terminations-query-screenshot\.txt$/,
      ),
    ]);
    expect(populations.every((f) => f.kind === 'population' && f.controls[0] === 'AC-05')).toBe(
      true,
    );
    expect(paths.some((p) => p.startsWith('04_Evidence/') && p.includes('terminations'))).toBe(
      false,
    );
    // Each evidence item once.
    const ids = manifest.files.filter((f) => f.evidenceId).map((f) => f.evidenceId);
    expect(new Set(ids).size).toBe(ids.length);
    // Both versions in force during the period, and the draft.
    const policies = paths.filter((p) => p.startsWith('03_Policies/')).map((p) => p.split('/')[1]!);
    const accessControl = policies.filter((p) => p.includes('_Access-Control-Policy_'));
    expect(accessControl.filter((p) => p.endsWith('.pdf'))).toEqual([
      expect.stringMatching(/^POL-\d\d_Access-Control-Policy_v1_approved-2025-01-10\.pdf$/),
      expect.stringMatching(/^POL-\d\d_Access-Control-Policy_v2_approved-\d{4}-\d\d-\d\d\.pdf$/),
      expect.stringMatching(/^POL-\d\d_Access-Control-Policy_v3_draft\.pdf$/),
    ]);
    expect(accessControl.filter((p) => p.endsWith('.md'))).toHaveLength(3);
    // The demo's Information Security Policy was approved again mid-period: both versions.
    expect(policies.filter((p) => p.includes('_Information-Security-Policy_v'))).toEqual([
      expect.stringMatching(/_v1_approved-\d{4}-\d\d-\d\d\.md$/),
      expect.stringMatching(/_v1_approved-\d{4}-\d\d-\d\d\.pdf$/),
      expect.stringMatching(/_v2_approved-\d{4}-\d\d-\d\d\.md$/),
      expect.stringMatching(/_v2_approved-\d{4}-\d\d-\d\d\.pdf$/),
    ]);
    // Each says when it was approved and when it was in force: v1 until v2 took over.
    const cover = (v: string) => {
      const name = policies.find((p) => p.includes(`_Information-Security-Policy_${v}_`))!;
      return readFileSync(join(folder, '03_Policies', name), 'utf8');
    };
    expect(cover('v1')).toMatch(/Approved[^\n]*\d{4}-\d\d-\d\d by /);
    expect(cover('v1')).toMatch(/In force[^\n]*from \d{4}-\d\d-\d\d until \d{4}-\d\d-\d\d/);
    expect(cover('v2')).toMatch(/In force[^\n]*from \d{4}-\d\d-\d\d/);
    expect(cover('v2')).not.toMatch(/In force[^\n]*until/);
    // Every vendor has our review notes; the one with a stored report has it beside them.
    const vendors = paths.filter((p) => p.startsWith('06_Subservice/'));
    expect(vendors.filter((p) => p.endsWith('_report.pdf'))).toEqual([
      '06_Subservice/SUB-02_Vendor-vendor-soc2.pdf_report.pdf',
    ]);
    expect(vendors).toContain('06_Subservice/SUB-02_Vendor-vendor-soc2.pdf_review-notes.md');
    for (const p of paths) expect(p.length).toBeLessThan(150);

    const readme = execFileSync('pdftotext', [join(folder, '00_README.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(readme).toMatch(/not a SOC 2 report/);
    expect(readme).toMatch(/sha256sum -c SHA256SUMS/);
    expect(readme.replace(/\s+/g, ' ')).toContain(
      'openssl pkeyutl -verify -pubin -inkey signing-key.pub -rawin \\ -in manifest.json -sigfile manifest.json.sig',
    );
    expect(readme).toContain('openssl pkey -pubin -in signing-key.pub -outform DER | sha256sum');
    expect(readme).toMatch(/does not prove that the evidence is authentic/);
    expect(readme).toMatch(/another channel/);
    expect(readme.replace(/\s/g, '')).toContain(manifest.keyFingerprint);
  }, 60_000);

  it('with options: approved policies only, reviewed evidence only, by request, internal papers', async () => {
    const dir = tempDir();
    const { out } = await exportTo(dir, {
      approvedPoliciesOnly: true,
      reviewedEvidenceOnly: true,
      byRequest: true,
      internal: true,
      categories: ['evidence', 'policies'],
    });
    const list = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n');
    expect(list.filter((p) => p.startsWith('03_Policies/') && p.includes('draft'))).toEqual([]);
    const policies = list.filter((p) => p.startsWith('03_Policies/') && !p.endsWith('/'));
    expect(policies.length).toBeGreaterThan(0);
    expect(policies.every((p) => /_approved-\d{4}-\d\d-\d\d\.(pdf|md)$/.test(p))).toBe(true);
    expect(list.some((p) => p.startsWith('01_Index/') || p.startsWith('02_'))).toBe(false);
    // The unreviewed review outside the period is left out; the demo's reviewed items have no
    // request, so they sit under No-request.
    expect(list.some((p) => p.includes('access-review'))).toBe(false);
    const evidence = list.filter((p) => p.startsWith('04_Evidence/'));
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((p) => p.startsWith('04_Evidence/No-request/'))).toBe(true);
    expect(list).toContain('07_Internal/deviations.csv');
    // The readiness report, internal by nature, goes only there, and says so on its pages.
    expect(list).toContain('07_Internal/Readiness-report.pdf');
    const report = execFileSync('unzip', ['-p', out, '07_Internal/Readiness-report.pdf']);
    const text = execFileSync('pdftotext', ['-', '-'], { input: report, encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain('not a SOC 2 report');
  }, 60_000);

  it('neutralises formula-looking text in every CSV and XLSX it writes', async () => {
    const folder = await sharedFolder('internal');
    const sheets = filesUnder(folder).filter((p) => /\.(csv|xlsx)$/.test(p));
    expect(sheets.length).toBeGreaterThanOrEqual(9);
    let formulaText = 0;
    for (const p of sheets) {
      const path = join(folder, p);
      if (p.endsWith('.csv')) {
        for (const cell of readBackWithPython(path, 'csv').flat()) {
          expect(cell, `${p}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
          if (cell.startsWith(`'${FORMULA}`) || cell.startsWith("'@SUM")) formulaText++;
        }
      } else {
        for (const cell of readXlsxCellsWithPython(path)) {
          expect(cell.formula, `${p} ${cell.ref}`).toBe(false);
          if (cell.value !== null && /^[=+\-@\t\r]/.test(cell.value) && cell.type !== 'n') {
            expect(cell.quotePrefix, `${p} ${cell.ref}`).toBe(true);
            formulaText++;
          }
        }
      }
    }
    // The request's description and the evidence title did reach the files, made safe.
    expect(formulaText).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('holds each self-test’s worksheet in 07_Internal/Self-tests with internal papers, never otherwise', async () => {
    const folder = await sharedFolder('internal');
    const worksheets = filesUnder(folder).filter((p) => p.startsWith('07_Internal/Self-tests/'));
    // The demo draws one self-test; its worksheet is an XLSX named by control, test and day.
    expect(worksheets).toHaveLength(1);
    expect(worksheets[0]).toMatch(
      /^07_Internal\/Self-tests\/Self-test_.+_ST-1_\d{4}-\d\d-\d\d\.xlsx$/,
    );
    const values = readXlsxCellsWithPython(join(folder, worksheets[0]!)).map((c) => c.value);
    expect(values).toContain('Management self-test — your auditor selects its own items');
    expect(values).toContain('ST-1');
    const byDefault = filesUnder(await sharedFolder('default'));
    expect(byDefault.filter((p) => /self-test/i.test(p))).toEqual([]);
  }, 60_000);

  it('says nothing about results outside 07_Internal', async () => {
    const folder = await sharedFolder('internal');
    for (const p of filesUnder(folder)) {
      // Only what Attest writes: stored files (evidence, vendor reports) are the client's own.
      // The manifest and SHA256SUMS name every file, 07_Internal's too; they state no result.
      if (
        p.startsWith('07_Internal/') ||
        p.startsWith('04_Evidence/') ||
        p.endsWith('_report.pdf') ||
        ['manifest.json', 'SHA256SUMS', 'manifest.json.sig'].includes(p)
      )
        continue;
      const path = join(folder, p);
      const text = p.endsWith('.pdf')
        ? execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
        : /\.(xlsx|docx)$/.test(p)
          ? execFileSync('unzip', ['-p', path], { encoding: 'utf8', maxBuffer: 1 << 26 })
          : readFileSync(path, 'utf8');
      expect(text, p).not.toMatch(/\bmet\b|self-test|deviation/i);
    }
  }, 60_000);

  it('is reproducible: the same vault exported twice, weeks apart, differs only in the manifest and its signature', async () => {
    const dir = tempDir();
    // The first of the two is the shared one: the vault has not changed since it was exported.
    // The second is exported 40 days later: internal papers (the readiness report, worksheets)
    // are as of the vault's latest change, not the day of the export.
    const a = (await sharedExport('internal')).out;
    const later = fixedClock(new Date(Date.now() + 40 * 86_400_000).toISOString());
    const b = (await exportTo(dir, { internal: true }, 'b.zip', { clock: later })).out;
    const entries = (zip: string) =>
      JSON.parse(
        execFileSync('python3', ['-c', READ_ENTRIES, zip], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        }),
      ) as Record<string, { sha256: string; time: string }>;
    const ea = entries(a);
    const eb = entries(b);
    expect(Object.keys(ea)).toEqual(Object.keys(eb));
    const differ = Object.keys(ea).filter((k) => JSON.stringify(ea[k]) !== JSON.stringify(eb[k]));
    expect(differ).toEqual(['manifest.json', 'manifest.json.sig']);
    const ma = JSON.parse(execFileSync('unzip', ['-p', a, 'manifest.json'], { encoding: 'utf8' }));
    const mb = JSON.parse(execFileSync('unzip', ['-p', b, 'manifest.json'], { encoding: 'utf8' }));
    expect({ ...ma, generatedAt: null }).toEqual({ ...mb, generatedAt: null });
    expect(ma.generatedAt).not.toBe(mb.generatedAt);
  }, 60_000);

  it('leaves nothing at the destination when cancelled', async () => {
    const dir = tempDir();
    const vault = await openVault(vaultPath);
    try {
      const controller = new AbortController();
      let seen = 0;
      const outcome = await exportPackage(
        vault,
        join(dir, 'package.zip'),
        DEFAULT_PACKAGE_OPTIONS,
        {
          signal: controller.signal,
          progress: (p) => {
            if ((p.filesDone ?? 0) > 0 && ++seen === 1) controller.abort();
          },
        },
      ).catch((e: unknown) => e);
      expect(outcome).toMatchObject({ code: 'cancelled' });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      closeVault(vault);
    }
  }, 60_000);

  it('refuses to sign a package of a vault that changed while it was written', async () => {
    const dir = tempDir();
    const vault = await openVault(vaultPath);
    try {
      const { createPerson } = await import('../people/people');
      let edited = false;
      const outcome = await exportPackage(
        vault,
        join(dir, 'package.zip'),
        DEFAULT_PACKAGE_OPTIONS,
        {
          progress: (p) => {
            if ((p.filesDone ?? 0) > 0 && !edited) {
              edited = true;
              createPerson(vault, { name: 'Added meanwhile' });
            }
          },
        },
      ).catch((e: unknown) => e);
      expect(outcome).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/changed while/),
      });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      closeVault(vault);
    }
  }, 60_000);

  it('fails cleanly on a full disk (/dev/full), and refuses a device as the destination', async () => {
    const vault = await openVault(vaultPath);
    try {
      const full = await writePackageTo(vault, '/dev/full', DEFAULT_PACKAGE_OPTIONS, {}, 'w').catch(
        (e: unknown) => e,
      );
      expect(full).toMatchObject({
        code: 'disk_full',
        message: expect.stringMatching(/disk is full/),
      });
      const device = await exportPackage(vault, '/dev/full', DEFAULT_PACKAGE_OPTIONS).catch(
        (e: unknown) => e,
      );
      expect(device).toMatchObject({
        code: 'validation',
        message: expect.stringMatching(/is a device/),
      });
      expect(existsSync('/dev/full.partial')).toBe(false);
    } finally {
      closeVault(vault);
    }
  }, 60_000);
});

/** Each entry's SHA-256 and stored time, read with Python's zipfile (an independent reader). */
const READ_ENTRIES = `
import sys, zipfile, hashlib, json
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({i.filename: {'sha256': hashlib.sha256(z.read(i)).hexdigest(), 'time': str(i.date_time), 'extra': i.extra.hex()} for i in z.infolist()}))
`;

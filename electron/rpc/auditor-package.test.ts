import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PackageContents } from '../../shared/api/methods/auditor';
import type { Manifest } from '../../shared/domain/package/manifest';
import { type Vault, closeVault, openVault } from '../core/vault/session';
import { LINK_URL, auditorPackages, disposeAuditorPackages } from '../testing/auditor-packages';
import { connect } from '../testing/http-client';
import { FORMULA } from '../testing/package-vault';
import { tempDir } from '../testing/tmp';
import { CLI_CALLER } from './callers';
import type { RpcContext } from './context';
import { dispatch } from './dispatch';
import { startHttpServer } from './http';
import { localBackend } from './local-backend';
import { createRuntime } from './runtime';

afterAll(disposeAuditorPackages);

async function call<T = unknown>(ctx: RpcContext, name: string, input: unknown): Promise<T> {
  const answer = await dispatch(ctx, name, input, CLI_CALLER);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

async function finished(ctx: RpcContext, jobId: string) {
  for (;;) {
    const job = await call<{ state: string; result: unknown; error: unknown }>(ctx, 'jobs.get', {
      jobId,
    });
    if (job.state !== 'queued' && job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A runtime with `zip` open in auditor mode. */
async function opened(zip: string) {
  const ctx = createRuntime({ home: tempDir(), app: 'auditor test', uploads: true });
  const { jobId } = await call<{ jobId: string }>(ctx, 'auditor.openPackage', {
    source: { path: zip },
  });
  expect(await finished(ctx, jobId)).toMatchObject({ result: { opened: true } });
  return ctx;
}

const manifestOf = (zip: string) =>
  JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json']).toString('utf8')) as Manifest;

/** The vault's own population counts, by evidence reference. */
function vaultPopulations(vault: Vault) {
  return vault.db.sqlite
    .prepare(
      `SELECT e.ref, p.row_count, p.rows_outside, p.date_column, p.window_start, p.window_end
         FROM population p JOIN evidence e ON e.id = p.evidence_id`,
    )
    .all() as {
    ref: string;
    row_count: number;
    rows_outside: number;
    date_column: string | null;
    window_start: string;
    window_end: string;
  }[];
}

describe('auditor mode on a package exported from a demo vault', () => {
  it('shows requests, criteria, controls, evidence and populations cross-linked as in the vault', async () => {
    const { full, vault: vaultPath } = await auditorPackages();
    const ctx = await opened(full);
    const c = await call<PackageContents>(ctx, 'auditor.contents', {});
    const manifest = manifestOf(full);

    // Every evidence file the manifest lists, with its path, size and hash; and the link, which
    // has no file (only the evidence index lists it).
    const listed = manifest.files.filter((f) => f.evidenceId);
    const files = c.evidence.filter((e) => e.file !== null);
    expect(files.map((e) => e.id).sort()).toEqual(listed.map((f) => f.evidenceId).sort());
    for (const f of listed) {
      expect(c.evidence.find((e) => e.id === f.evidenceId)).toMatchObject({
        file: { path: f.path, size: f.size, sha256: f.sha256 },
        url: null,
        controls: f.controls,
        requests: f.requests,
      });
    }
    const links = c.evidence.filter((e) => e.file === null);
    expect(links).toEqual([
      expect.objectContaining({
        title: 'Status page history',
        url: LINK_URL,
        kind: 'evidence',
        controls: ['CHG-02'],
        requests: ['PBC-002'],
      }),
    ]);
    // It answers its control like a file does (and its request: below).
    expect(c.controls.find((r) => r.ref === 'CHG-02')!.evidence).toContain(links[0]!.id);
    // The request list's texts, the spreadsheet-safe quote undone.
    const pbc1 = c.requests.find((r) => r.ref === 'PBC-001')!;
    expect(pbc1.description).toBe(FORMULA);
    expect(pbc1.evidence).toHaveLength(1);
    expect(c.evidence.find((e) => e.id === pbc1.evidence[0])).toMatchObject({
      title: '@SUM(1+1) access review',
      controls: ['AC-01'],
      covers: '2026-01-01 to 2026-03-31',
    });
    expect(c.requests.find((r) => r.ref === 'PBC-002')).toMatchObject({
      title: 'Terminated users',
      // Answered only by the link, whose control (CHG-02) adds its criterion.
      criteria: ['CC6.2', 'CC8.1'],
      evidence: [links[0]!.id],
    });
    // The control matrix's owner and frequency; links agree in both directions.
    expect(c.controls.find((k) => k.ref === 'AC-01')).toMatchObject({
      title: 'Single sign-on for business systems',
      owner: expect.any(String),
      frequency: 'continuous',
      criteria: ['CC6.1', 'CC6.2'],
    });
    for (const control of c.controls) {
      for (const id of control.evidence)
        expect(c.evidence.find((e) => e.id === id)!.controls).toContain(control.ref);
      for (const criterion of control.criteria)
        expect(c.criteria.find((k) => k.id === criterion)!.controls).toContain(control.ref);
    }
    expect(c.criteria.find((k) => k.id === 'CC6.1')!.title).toMatch(/logical access/i);
    expect(c.documents.map((d) => d.path)).toContain('00_README.pdf');
    expect(c.documents.map((d) => d.path)).toContain('01_Index/request-list.csv');

    // Populations: the rows, date column and window the vault recorded; their support.
    const vault = await openVault(vaultPath);
    try {
      const recorded = vaultPopulations(vault);
      expect(c.populations.map((p) => p.id).sort()).toEqual(recorded.map((r) => r.ref).sort());
      for (const r of recorded) {
        const p = c.populations.find((x) => x.id === r.ref)!;
        expect(p.rows, r.ref).toBe(r.row_count);
        expect(p.window).toEqual({ start: r.window_start, end: r.window_end });
        if (r.row_count > 0) expect(p.dateColumn?.toLowerCase()).toBe(r.date_column?.toLowerCase());
        for (const s of p.support)
          expect(c.evidence.find((e) => e.id === s)).toMatchObject({
            kind: 'population-support',
            population: r.ref,
          });
      }
      expect(c.populations.filter((p) => p.support.length > 0).length).toBeGreaterThan(1);
    } finally {
      closeVault(vault);
    }
  }, 120_000);

  it('opens a package exported without the index, with what its manifest names', async () => {
    const { noIndex } = await auditorPackages();
    const ctx = await opened(noIndex);
    const c = await call<PackageContents>(ctx, 'auditor.contents', {});
    expect(c.requests).toEqual([
      expect.objectContaining({ ref: 'PBC-001', title: 'PBC-001', controls: ['AC-01'] }),
    ]);
    expect(c.requests[0]!.evidence).toHaveLength(1);
    // Control titles from the catalog; no owner without the matrix.
    expect(c.controls.find((k) => k.ref === 'AC-01')).toMatchObject({
      title: 'Single sign-on for business systems',
      owner: null,
    });
    expect(c.populations.length).toBeGreaterThan(0);
    expect(c.documents.some((d) => d.path.startsWith('01_Index/'))).toBe(false);
  }, 120_000);

  it('pages population rows with stable keys, flagging rows outside the window as the vault counted them', async () => {
    const { full, vault: vaultPath } = await auditorPackages();
    const ctx = await opened(full);
    const vault = await openVault(vaultPath);
    const recorded = vaultPopulations(vault);
    closeVault(vault);
    type Page = {
      total: number;
      dateColumn: string | null;
      rows: { key: string; cells: string[]; outsideWindow: boolean }[];
    };
    for (const r of recorded) {
      const all = await call<Page>(ctx, 'auditor.populationRows', {
        population: r.ref,
        limit: 500,
      });
      expect(all.total, r.ref).toBe(r.row_count);
      expect(all.rows.filter((x) => x.outsideWindow).length, r.ref).toBe(r.rows_outside);
      expect(new Set(all.rows.map((x) => x.key)).size).toBe(all.rows.length);
      if (r.row_count === 0) {
        expect(all.rows).toEqual([]);
        continue;
      }
      const page = await call<Page>(ctx, 'auditor.populationRows', {
        population: r.ref,
        offset: 1,
        limit: 1,
      });
      expect(page.rows).toEqual(all.rows.slice(1, 2));
      // A search finds a row by any cell, under the same key.
      const pick = all.rows.at(-1)!;
      const found = await call<Page>(ctx, 'auditor.populationRows', {
        population: r.ref,
        search: pick.cells[0]!.toUpperCase(),
      });
      expect(found.rows.map((x) => x.key)).toContain(pick.key);
    }
    expect(recorded.some((r) => r.row_count === 0)).toBe(true);
    expect(recorded.some((r) => r.rows_outside > 0)).toBe(true);
  }, 120_000);

  it('serves files the manifest lists, and nothing else, and nothing once the zip changed', async () => {
    const { full } = await auditorPackages();
    const zip = join(tempDir(), 'package.zip');
    copyFileSync(full, zip);
    const ctx = await opened(zip);
    const server = await startHttpServer({ backend: localBackend(ctx), port: 0, uiDir: tempDir() });
    try {
      const client = await connect(server.tokenUrl);
      const c = await call<PackageContents>(ctx, 'auditor.contents', {});
      const text = c.evidence.find((e) => e.file?.mediaType === 'text/plain')!.file!;
      const url = `/package-file/${text.path.split('/').map(encodeURIComponent).join('/')}`;
      const res = await client.raw(url);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(
        execFileSync('unzip', ['-p', zip, text.path]),
      );
      expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const download = await client.raw(`${url}?download=1`);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
      await download.arrayBuffer();
      // An HTML document is never shown inline, whatever is asked.
      const viewer = await client.raw('/package-file/index.html');
      expect(viewer.headers.get('content-disposition')).toMatch(/^attachment;/);
      await viewer.arrayBuffer();

      for (const path of ['manifest.json', 'SHA256SUMS', 'no/such.txt', '..%2Fetc%2Fpasswd'])
        expect((await client.raw(`/package-file/${path}`)).status, path).toBe(404);

      // One byte of the stored README changed on disk: refused, never served.
      const readme = await client.raw('/package-file/00_README.pdf');
      expect(readme.status).toBe(200);
      await readme.arrayBuffer();
      const bytes = readFileSync(zip);
      const at = bytes.indexOf(Buffer.from('%PDF-'));
      bytes[at + 1] = 'Q'.charCodeAt(0);
      writeFileSync(zip, bytes);
      const changed = await client.raw('/package-file/00_README.pdf');
      expect(changed.status).toBe(409);
      expect(await changed.text()).toMatch(/changed since the package was opened/);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('saves a signed response that the source vault imports, sample picks becoming requests', async () => {
    const { full, vault: source } = await auditorPackages();
    const ctx = await opened(full);
    const identity = await call<{ fingerprint: string }>(ctx, 'auditor.setIdentity', {
      name: 'Dana Auditor',
      firm: 'Example LLP',
    });
    const c = await call<PackageContents>(ctx, 'auditor.contents', {});
    const population = c.populations.find((p) => (p.rows ?? 0) > 1)!;
    const changes: unknown[] = [];
    ctx.events.listen((event, payload) => changes.push({ event, payload }));
    await call(ctx, 'auditor.addItem', {
      kind: 'status',
      requestRef: 'PBC-001',
      status: 'accepted',
    });
    await call(ctx, 'auditor.addItem', {
      kind: 'comment',
      requestRef: 'PBC-002',
      body: 'Contractors too.',
    });
    await call(ctx, 'auditor.addItem', {
      kind: 'sample',
      populationId: population.id,
      rowKeys: ['row-2', 'row-3'],
      note: 'The approval for each',
    });
    expect(changes).toContainEqual({
      event: 'vault.changed',
      payload: expect.objectContaining({ domains: ['auditor'] }),
    });
    const out = join(tempDir(), 'response.json');
    const { jobId } = await call<{ jobId: string }>(ctx, 'auditor.saveResponse', {
      saveTo: { path: out },
    });
    expect(await finished(ctx, jobId)).toMatchObject({ result: { savedTo: out } });
    await call(ctx, 'auditor.closePackage', {});

    const vaultCopy = join(tempDir(), 'vault.attest');
    copyFileSync(source, vaultCopy);
    await call(ctx, 'vault.open', { file: vaultCopy });
    const imported = await call<{ itemsApplied: number; fingerprint: string }>(
      ctx,
      'requests.importResponse',
      { source: { path: out } },
    );
    expect(imported).toMatchObject({ itemsApplied: 3, fingerprint: identity.fingerprint });
    const list = await call<{ items: { ref: string; description: string }[] }>(
      ctx,
      'requests.list',
      { search: population.id },
    );
    expect(list.items).toEqual([
      expect.objectContaining({
        ref: expect.stringMatching(/^AUD-/),
        description: expect.stringContaining('row-2, row-3'),
      }),
    ]);
    await call(ctx, 'vault.close', {});
  }, 120_000);
});

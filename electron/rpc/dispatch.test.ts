import { CLI_CALLER } from './callers';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeTables } from '../../shared/api/define';
import { useCatalog } from '../core/catalog/catalog';
import type { Logger } from '../platform/logger';
import { newerCatalog, writeCatalogDir } from '../testing/newer-catalog';
import { dispatch } from './dispatch';
import { handlers } from './handlers';
import { methods } from '../../shared/api/index';
import { createRuntime } from './runtime';

const homes: string[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

function runtime(logger?: Logger) {
  const home = mkdtempSync(join(tmpdir(), 'attest-dispatch-'));
  homes.push(home);
  return createRuntime({ home, app: 'dispatch test', ...(logger ? { logger } : {}) });
}

describe('dispatch', () => {
  it('refuses names that are not own methods of the contract', async () => {
    const ctx = runtime();
    for (const name of ['toString', '__proto__', 'constructor', 'vault.nope', '']) {
      expect(await dispatch(ctx, name, {}, CLI_CALLER)).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
  });

  it('gives validation errors with a path per field', async () => {
    const ctx = runtime();
    const r = await dispatch(
      ctx,
      'vault.create',
      {
        file: '',
        engagement: { name: '', reportType: 'type9' },
      },
      CLI_CALLER,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    const paths = (r.error.details as { path: string[] }[]).map((d) => d.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['file', 'engagement.name', 'engagement.reportType']),
    );
  });

  it('answers no_vault when nothing is open', async () => {
    expect(await dispatch(runtime(), 'vault.info', {}, CLI_CALLER)).toMatchObject({
      ok: false,
      error: { code: 'no_vault' },
    });
  });

  it('logs an unexpected error in main and returns internal without a stack', async () => {
    const logged: unknown[] = [];
    const logger: Logger = { log() {}, info() {}, warn() {}, error: (m, f) => logged.push([m, f]) };
    const ctx = runtime(logger);
    const original = handlers['app.info'];
    (handlers as Record<string, unknown>)['app.info'] = () => {
      throw new Error('boom at secret place');
    };
    try {
      const r = await dispatch(ctx, 'app.info', {}, CLI_CALLER);
      expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
      expect(JSON.stringify(r)).not.toContain('boom');
      expect(logged).toHaveLength(1);
    } finally {
      (handlers as Record<string, unknown>)['app.info'] = original;
    }
  });

  it('has exactly one handler per contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(methods).sort());
  });

  it('refuses a contract name declared twice or not of the form domain.verb', () => {
    expect(() => mergeTables({ 'a.b': 1 }, { 'a.b': 2 })).toThrow('declared twice');
    expect(() => mergeTables({ nodot: 1 })).toThrow('domain.verb');
  });
});

describe('switching vaults', () => {
  it('serialises concurrent opens: one vault ends up open and the other is released', async () => {
    const ctx = runtime();
    for (const file of ['a.attest', 'b.attest']) {
      await dispatch(ctx, 'vault.create', { file, engagement: { name: file } }, CLI_CALLER);
    }
    await dispatch(ctx, 'vault.close', {}, CLI_CALLER);
    const [a, b] = await Promise.all([
      dispatch(ctx, 'vault.open', { file: 'a.attest' }, CLI_CALLER),
      dispatch(ctx, 'vault.open', { file: 'b.attest' }, CLI_CALLER),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const open = ctx.vault!.path;
    const other = open.endsWith('a.attest') ? 'b.attest' : 'a.attest';
    // The vault that is not open is really closed: another runtime can open it.
    const second = runtime();
    const r = await dispatch(second, 'vault.open', { file: join(ctx.home, other) }, CLI_CALLER);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    await second.dispose();
    await ctx.dispose();
  });
});

describe('vault.changed', () => {
  function listen(ctx: ReturnType<typeof runtime>) {
    const seen: { openId: string | null; reason: string; domains: string[] }[] = [];
    ctx.events.listen((event, payload) => {
      if (event === 'vault.changed') seen.push(payload as (typeof seen)[number]);
    });
    return seen;
  }

  it('follows every successful change with the domains it wrote, under the id of this opening', async () => {
    const ctx = runtime();
    const seen = listen(ctx);
    await dispatch(
      ctx,
      'vault.create',
      { file: 'e.attest', engagement: { name: 'E' } },
      CLI_CALLER,
    );
    const openId = seen.at(-1)!.openId;
    expect(seen.at(-1)).toMatchObject({
      reason: 'opened',
      openId: expect.stringMatching(/^open_/),
    });

    seen.length = 0;
    await dispatch(ctx, 'people.create', { name: 'Ana' }, CLI_CALLER);
    expect(seen).toEqual([
      { openId, path: ctx.vault!.path, reason: 'updated', domains: ['people'] },
    ]);

    // Reads, and changes that failed, announce nothing.
    seen.length = 0;
    await dispatch(ctx, 'people.list', {}, CLI_CALLER);
    await dispatch(ctx, 'people.update', { id: 'per_nobody', patch: { name: 'X' } }, CLI_CALLER);
    expect(seen).toEqual([]);

    // A job announces what it wrote when it has finished writing it.
    const csv = join(ctx.home, 'pbc.csv');
    writeFileSync(csv, 'PBC #,Item Requested\r\nPBC-1,Access review\r\n');
    const input = { source: { path: csv }, fileName: 'pbc.csv', mapping: { ref: 'PBC #' } };
    const started = await dispatch(ctx, 'requests.import', input, CLI_CALLER);
    expect(seen).toEqual([]);
    const job = await ctx.jobs.wait((started as { value: { jobId: string } }).value.jobId);
    expect(job.state).toBe('succeeded');
    expect(seen).toEqual([expect.objectContaining({ reason: 'updated', domains: ['requests'] })]);

    // Generating a file writes nothing in the vault: it announces nothing.
    seen.length = 0;
    const exported = await dispatch(
      ctx,
      'tasks.export',
      { format: 'csv', saveTo: { path: join(ctx.home, 'plan.csv') } },
      CLI_CALLER,
    );
    await ctx.jobs.wait((exported as { value: { jobId: string } }).value.jobId);
    expect(seen).toEqual([]);

    // Another opening of the same vault is told apart.
    await dispatch(ctx, 'vault.close', {}, CLI_CALLER);
    await dispatch(ctx, 'vault.open', { file: 'e.attest' }, CLI_CALLER);
    expect(seen.at(-1)!.openId).not.toBe(openId);
  });

  it('is declared by every mutating method', () => {
    for (const [name, def] of Object.entries(methods)) {
      if (def.mutates) expect(Array.isArray(def.touches), name).toBe(true);
    }
  });
});

describe('errors found by the API fuzz test', () => {
  it('answers io naming the file, not internal, when the ATTEST_CATALOG folder cannot be read', async () => {
    const ctx = runtime();
    const folder = writeCatalogDir(join(ctx.home, 'catalog-next'), newerCatalog());
    writeFileSync(join(folder, 'controls.json'), '{"version": "2026.2", "controls": [');
    const before = process.env.ATTEST_CATALOG;
    process.env.ATTEST_CATALOG = folder;
    useCatalog(null); // read the catalog again, from the folder
    try {
      const r = await dispatch(ctx, 'catalog.get', {}, CLI_CALLER);
      expect(r).toMatchObject({ ok: false, error: { code: 'io' } });
      expect(!r.ok && r.error.message).toContain(
        `Cannot read the catalog file ${join(folder, 'controls.json')}`,
      );
      // A file that parses but breaks the catalog's rules is named the same way.
      writeFileSync(join(folder, 'controls.json'), '{"version": "2026.2", "controls": []}');
      const invalid = await dispatch(ctx, 'catalog.policies', {}, CLI_CALLER);
      expect(invalid).toMatchObject({ ok: false, error: { code: 'io' } });
      expect(!invalid.ok && invalid.error.message).toContain(folder);
    } finally {
      if (before === undefined) delete process.env.ATTEST_CATALOG;
      else process.env.ATTEST_CATALOG = before;
      useCatalog(null);
    }
  });
});

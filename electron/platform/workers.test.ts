import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParseInput } from '../core/requests/parse-worker';
import type { SpreadsheetFile } from '../core/requests/read-file';
import { READ_LIMITS } from '../core/requests/limits';
import { REPO_ROOT } from '../testing/spawn';
import { tempDir } from '../testing/tmp';
import { WORKER_SOURCES, locateWorker, runWorker, runningWorkers } from './workers';

const buildScript = pathToFileURL(join(REPO_ROOT, 'build', 'build-workers.mjs')).href;
const entriesScript = pathToFileURL(join(REPO_ROOT, 'build', 'worker-entries.mjs')).href;

// Bundles go inside the repository, so their external packages resolve from its node_modules.
const scratch = mkdtempSync(join(REPO_ROOT, '.tsbuild', 'workers-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('finding a worker', () => {
  it('lists the same workers as the build', async () => {
    const { WORKER_ENTRIES } = (await import(entriesScript)) as {
      WORKER_ENTRIES: { name: string; entry: string }[];
    };
    expect(Object.fromEntries(WORKER_ENTRIES.map((w) => [w.name, w.entry]))).toEqual(
      WORKER_SOURCES,
    );
  });

  it('prefers the bundled file beside the bundle, else runs the source under tsx', () => {
    const root = tempDir();
    const bundle = pathToFileURL(join(root, 'dist', 'cli', 'attest.mjs'));
    expect(() => locateWorker('requests-parse', bundle)).toThrow(
      /requests-parse worker is missing/,
    );

    const source = join(root, WORKER_SOURCES['requests-parse']);
    mkdirSync(join(source, '..'), { recursive: true });
    writeFileSync(source, '');
    expect(locateWorker('requests-parse', bundle)).toEqual({
      url: pathToFileURL(source),
      tsx: true,
    });

    const bundled = join(root, 'dist', 'cli', 'workers', 'requests-parse.mjs');
    mkdirSync(join(bundled, '..'), { recursive: true });
    writeFileSync(bundled, '');
    expect(locateWorker('requests-parse', bundle)).toEqual({
      url: pathToFileURL(bundled),
      tsx: false,
    });
  });

  it('runs the bundled worker the build emits, and the thread is gone afterwards', async () => {
    const { buildWorkers } = (await import(buildScript)) as {
      buildWorkers: (o: { root: string; outdir: string; target: string }) => Promise<unknown>;
    };
    await buildWorkers({
      root: REPO_ROOT,
      outdir: join(scratch, 'dist', 'electron', 'workers'),
      target: 'node20',
    });
    const path = join(tempDir(), 'pbc.csv');
    writeFileSync(path, 'PBC #;Item\r\nPBC-1;Access review\r\n');
    const file = await runWorker<SpreadsheetFile>(
      'requests-parse',
      { mode: 'read', path, fileName: 'pbc.csv', limits: READ_LIMITS } satisfies ParseInput,
      {
        resourceLimits: { maxOldGenerationSizeMb: 64 },
        timeoutMs: 60_000,
        base: pathToFileURL(join(scratch, 'dist', 'electron', 'main.js')),
      },
    );
    expect(file.sheets).toEqual([
      {
        name: null,
        grid: [
          ['PBC #', 'Item'],
          ['PBC-1', 'Access review'],
        ],
      },
    ]);
    expect(runningWorkers()).toBe(0);
  });
});

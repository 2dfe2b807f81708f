import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { repoCopy } from '../testing/repo-copy';
import { runNode } from '../testing/spawn';
import { fingerprintFile, tempDir } from '../testing/tmp';
import { STAMP_FILE, STAMP_FORMAT, bundleState, sha256File } from './launcher.mjs';

function write(root: string, path: string, text: string): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A bundle folder as a build leaves it: one input, one input that was missing, one output. */
function builtLayout() {
  const root = tempDir();
  const source = write(root, 'src/main.ts', 'export const answer = 41;\n');
  write(root, 'dist/cli/attest.mjs', 'export {};\n');
  const stamp = {
    format: STAMP_FORMAT,
    outputs: ['dist/cli/attest.mjs'],
    inputs: [
      { path: 'src/main.ts', size: statSync(source).size, sha256: sha256File(source) },
      { path: 'src/worker.ts', missing: true },
    ],
  };
  write(root, `dist/cli/${STAMP_FILE}`, JSON.stringify(stamp));
  return { root, source };
}

describe('whether the launcher may run the bundle as it is', () => {
  it('runs it while every input is as built', () => {
    expect(bundleState(builtLayout().root)).toEqual({ fresh: true });
  });

  it('runs it after a file was only touched (same bytes, newer time)', () => {
    const { root, source } = builtLayout();
    const later = new Date(Date.now() + 60_000);
    utimesSync(source, later, later);
    expect(bundleState(root)).toEqual({ fresh: true });
  });

  it('rebuilds after an edit that keeps the size and the modification time', () => {
    const { root, source } = builtLayout();
    const { atime, mtime } = statSync(source);
    writeFileSync(source, 'export const answer = 42;\n');
    utimesSync(source, atime, mtime);
    expect(bundleState(root)).toEqual({ fresh: false, reason: 'src/main.ts changed' });
  });

  it('rebuilds when an input is gone, or a file that was missing appears', () => {
    const gone = builtLayout();
    rmSync(gone.source);
    expect(bundleState(gone.root)).toEqual({ fresh: false, reason: 'src/main.ts is gone' });
    const appeared = builtLayout();
    write(appeared.root, 'src/worker.ts', 'export {};\n');
    expect(bundleState(appeared.root)).toEqual({ fresh: false, reason: 'src/worker.ts appeared' });
  });

  it('rebuilds when an output was deleted, and never trusts a bundle without its stamp', () => {
    const deleted = builtLayout();
    rmSync(join(deleted.root, 'dist/cli/attest.mjs'));
    expect(bundleState(deleted.root)).toEqual({
      fresh: false,
      reason: 'dist/cli/attest.mjs is missing',
    });
    const unstamped = builtLayout();
    rmSync(join(unstamped.root, `dist/cli/${STAMP_FILE}`));
    expect(bundleState(unstamped.root).fresh).toBe(false);
    const older = builtLayout();
    write(older.root, `dist/cli/${STAMP_FILE}`, JSON.stringify({ format: 0, inputs: [] }));
    expect(bundleState(older.root).fresh).toBe(false);
  });
});

describe('the attest launcher, in a copy of the repository', () => {
  /** Runs the copy's `attest` (its launcher) in `cwd`. */
  const attest = (root: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = root) =>
    runNode(
      [join(root, 'electron', 'cli', 'attest.mjs'), ...args],
      { ATTEST_CLI: '', ...env },
      cwd,
    );

  it('builds the bundle at the first run, then reuses it while nothing changed', async () => {
    const root = repoCopy();
    const first = await attest(root, ['--version']);
    expect(first).toMatchObject({ code: 0, stdout: `attest ${pkg.version}\n`, stderr: '' });
    const stamp = join(root, 'dist', 'cli', STAMP_FILE);
    expect(bundleState(root)).toEqual({ fresh: true });
    const built = fingerprintFile(stamp);
    // Commands that use exceljs, pdfkit and docx are chunks of their own, loaded on demand.
    expect(readFileSync(join(root, 'dist', 'cli', 'attest.mjs'), 'utf8')).not.toMatch(
      /from "(exceljs|pdfkit|docx|better-sqlite3)"/,
    );

    expect(await attest(root, ['--version'])).toMatchObject({ code: 0, stderr: '' });
    expect(fingerprintFile(stamp)).toBe(built);
  });

  it('runs an edited source at the next start, even when the edit keeps size and time', async () => {
    const root = repoCopy();
    expect((await attest(root, ['--help'])).stdout).toContain('Exit codes:');
    const main = join(root, 'electron', 'cli', 'main.ts');
    const { atime, mtime } = statSync(main);
    writeFileSync(main, readFileSync(main, 'utf8').replace('Exit codes:', 'Exit kodes:'));
    utimesSync(main, atime, mtime);

    const edited = await attest(root, ['--help']);
    expect(edited.stdout).toContain('Exit kodes:');
    expect(edited.stderr).toBe('');
    expect(bundleState(root)).toEqual({ fresh: true });
  });

  it('emits a worker entry once its source exists, beside both bundles', async () => {
    const root = repoCopy();
    const entry = join(root, 'electron', 'core', 'requests', 'parse-worker.ts');
    rmSync(entry, { force: true });
    expect((await attest(root, ['--version'])).code).toBe(0);
    expect(existsSync(join(root, 'dist', 'cli', 'workers'))).toBe(false);

    write(
      root,
      'electron/core/requests/parse-worker.ts',
      [
        "import { parentPort } from 'node:worker_threads';",
        "import { APP_VERSION } from '../../platform/version';",
        'parentPort?.postMessage(`worker of ${APP_VERSION}`);',
        '',
      ].join('\n'),
    );
    expect(bundleState(root)).toEqual({
      fresh: false,
      reason: 'electron/core/requests/parse-worker.ts appeared',
    });
    expect((await attest(root, ['--version'])).code).toBe(0);
    execFileSync(process.execPath, [join(root, 'build', 'build-electron.mjs')], { cwd: root });

    for (const dir of ['dist/cli', 'dist/electron']) {
      const worker = new Worker(join(root, dir, 'workers', 'requests-parse.mjs'));
      const message = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(message).toBe(`worker of ${pkg.version}`);
      await worker.terminate();
    }
  });

  it('runs the sources under tsx, printing nothing more, when the bundle cannot be built', async () => {
    const root = repoCopy();
    // As in an install without devDependencies: the build script cannot load esbuild.
    writeFileSync(
      join(root, 'build', 'build-cli.mjs'),
      'throw new Error("Cannot find package \'esbuild\'");\n',
    );
    const r = await attest(root, ['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `attest ${pkg.version}\n`, stderr: '' });
    expect(existsSync(join(root, 'dist', 'cli', 'attest.mjs'))).toBe(false);

    const strict = await attest(root, ['--version'], { ATTEST_CLI: 'bundle' });
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain("Cannot find package 'esbuild'");
  });
});

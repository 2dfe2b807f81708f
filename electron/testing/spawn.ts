import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const bundled = new Map<string, string>();

/**
 * A TypeScript helper script (path relative to the repository) bundled for Node, once per test
 * process: a child started from it is up in a fraction of the time tsx takes to compile the
 * same imports (~0.3 s against ~1–3 s here), which adds up over a campaign of kills. It is
 * written to dist/test-scripts/ (node_modules stay external, so they must resolve from inside
 * the repository), under a temporary name renamed into place, as parallel test files may build
 * the same script at once.
 */
export function bundledScript(file: string): string {
  const known = bundled.get(file);
  if (known) return known;
  const result = buildSync({
    absWorkingDir: REPO_ROOT,
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    write: false,
    outfile: 'out.mjs',
  });
  const dir = join(REPO_ROOT, 'dist', 'test-scripts');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${basename(file, '.ts')}.mjs`);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0]!.contents);
  renameSync(temporary, path);
  bundled.set(file, path);
  return path;
}

/** Runs a TypeScript helper script (see bundledScript) in a child process. */
export function spawnTs(file: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [bundledScript(file), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
/** Resolves with the first stdout line that matches, or rejects if the child exits first. */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => pattern.test(l));
      if (line) resolve(line);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) =>
      reject(new Error(`child exited ${code} before "${pattern}": ${err}`)),
    );
  });
}

export function runNode(args: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO_ROOT) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

// `npm test`: everything CI runs, in the order that keeps a two-core machine busy.
//
// The checks that each use one core (tsc, ESLint, Prettier) and the build run side by side, then
// the unit suite, the end-to-end suite and the packaging smoke run, which use both cores on their
// own. Run one after another, the first four left a core idle for about three minutes.
// Each parallel step's output is printed whole when it ends, so the log reads step by step.
// The first failure stops the run after the steps already started have finished.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script> [-- args]`; answers its exit code and what it printed. */
function run(script, args = [], { stream = false } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(npm, ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
      stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('close', (code, signal) =>
      resolve({
        script,
        code: code ?? (signal ? 1 : 0),
        output,
        seconds: (performance.now() - started) / 1000,
      }),
    );
  });
}

function report({ script, code, output, seconds }) {
  const status = code === 0 ? 'passed' : `FAILED (exit ${code})`;
  if (output) process.stdout.write(`\n── ${script} ──\n${output.trimEnd()}\n`);
  process.stdout.write(`── ${script}: ${status} in ${seconds.toFixed(1)} s\n`);
}

async function main() {
  const started = performance.now();
  const parallel = await Promise.all(
    ['typecheck', 'lint:eslint', 'lint:prettier', 'build'].map((script) =>
      run(script).then((result) => (report(result), result)),
    ),
  );
  if (parallel.some((r) => r.code !== 0)) return 1;

  const sequence = [
    ['test:unit', []],
    ['test:e2e', []],
    ['package:smoke', ['--skip-renderer-build']],
  ];
  for (const [script, args] of sequence) {
    process.stdout.write(`\n── ${script} ──\n`);
    const result = await run(script, args, { stream: true });
    report({ ...result, output: '' });
    if (result.code !== 0) return result.code;
  }
  process.stdout.write(
    `\nEverything passed in ${((performance.now() - started) / 60000).toFixed(1)} min.\n`,
  );
  return 0;
}

process.exitCode = await main();

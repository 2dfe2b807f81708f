// Readiness report benchmark (issue E item 9, DESIGN §10): `attest report` on the demo vault
// (130 controls, close to the budget's 150) against `attest info` on the same vault — the same
// start-up, open and lock — as the reference, median of RUNS each, interleaved. Target: the
// report for ~150 controls under 3 s in all. Beside the wall clock, the CPU time (user + system,
// from GNU time where it exists): on this shared 2-core machine the load moves the wall clock by
// 2× between runs, and the CPU time is what the same work costs a quiet machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 3000;
const cli = join(import.meta.dirname, '../../dist/cli/attest.mjs');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'attest-bench-report-'));
const env = { ...process.env, ATTEST_HOME: join(dir, 'home'), ATTEST_NOW: '2026-05-15' };
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = spawnSync(GNU_TIME, ['-f', '%U', 'true'], { encoding: 'utf8' }).status === 0;
type Timed = { ms: number; cpu: number };

/** One command: wall-clock and CPU milliseconds (CPU NaN without GNU time). */
function attest(...args: string[]): Timed {
  const cpuFile = join(dir, 'cpu.txt');
  const [command, argv] = hasGnuTime
    ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, cli, ...args]]
    : [process.execPath, [cli, ...args]];
  const started = performance.now();
  const r = spawnSync(command, argv, { cwd: dir, env, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (r.status !== 0) throw new Error(`attest ${args.join(' ')}: ${r.stderr}`);
  const cpu = hasGnuTime
    ? readFileSync(cpuFile, 'utf8')
        .trim()
        .split(/\s+/)
        .reduce((sum, x) => sum + Number(x) * 1000, 0)
    : NaN;
  return { ms: elapsed, cpu };
}

try {
  statSync(cli);
  attest('demo', 'demo.attest');
  // Warm the file cache and the font files for both commands.
  attest('info', 'demo.attest');
  attest('report', 'demo.attest', '--out', 'warm.pdf');
  const info: Timed[] = [];
  const report: Timed[] = [];
  const load = loadavg()[0]!;
  for (let i = 0; i < RUNS; i++) {
    info.push(attest('info', 'demo.attest'));
    report.push(attest('report', 'demo.attest', '--out', `r${i}.pdf`));
  }
  const wall = (xs: Timed[]) => median(xs.map((x) => x.ms));
  const cpu = (xs: Timed[]) => median(xs.map((x) => x.cpu));
  const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(0)} ms`);
  const verdict = (x: number) => (Number.isNaN(x) ? '' : x < TARGET_MS ? 'met' : 'NOT met');
  const pages = spawnSync('pdfinfo', [join(dir, 'r0.pdf')], { encoding: 'utf8' }).stdout.match(
    /Pages:\s+(\d+)/,
  )?.[1];
  console.log(
    `report for ~150 controls (the demo's 130, ${pages ?? '?'} pages), median of ${RUNS}, ` +
      `load average ${load.toFixed(1)} at the start:`,
  );
  console.log(`  attest report: wall ${ms(wall(report))}, CPU ${ms(cpu(report))}`);
  console.log(`  attest info (start-up + open): wall ${ms(wall(info))}, CPU ${ms(cpu(info))}`);
  console.log(
    `  report beyond the reference: wall ${ms(wall(report) - wall(info))}, ` +
      `CPU ${ms(cpu(report) - cpu(info))}`,
  );
  console.log(
    `  target < ${TARGET_MS} ms in all: wall ${verdict(wall(report))}, CPU ${verdict(cpu(report))}`,
  );
  const list = (xs: Timed[]) => xs.map((x) => `${x.ms.toFixed(0)}/${x.cpu.toFixed(0)}`).join(' ');
  console.log(`  runs (wall/CPU ms): info ${list(info)} · report ${list(report)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

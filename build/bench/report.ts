// Readiness report benchmark (issue E item 9, DESIGN §10): `attest report` on the demo vault
// (130 controls, close to the budget's 150) against `attest info` on the same vault — the same
// start-up, open and lock — as the reference, median of RUNS each. Target: under 3 s in all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 3000;
const cli = join(import.meta.dirname, '../../dist/cli/attest.mjs');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'attest-bench-report-'));
const env = { ...process.env, ATTEST_HOME: join(dir, 'home'), ATTEST_NOW: '2026-05-15' };

function attest(...args: string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (r.status !== 0) throw new Error(`attest ${args.join(' ')}: ${r.stderr}`);
  return elapsed;
}

try {
  statSync(cli);
  attest('demo', 'demo.attest');
  // Warm the file cache and the font files for both commands.
  attest('info', 'demo.attest');
  attest('report', 'demo.attest', '--out', 'warm.pdf');
  const info: number[] = [];
  const report: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    info.push(attest('info', 'demo.attest'));
    report.push(attest('report', 'demo.attest', '--out', `r${i}.pdf`));
  }
  const r = median(report);
  const ref = median(info);
  const pages = spawnSync('pdfinfo', [join(dir, 'r0.pdf')], { encoding: 'utf8' }).stdout.match(
    /Pages:\s+(\d+)/,
  )?.[1];
  console.log(`attest report (demo, 130 controls, ${pages ?? '?'} pages): ${r.toFixed(0)} ms`);
  console.log(`attest info (reference: start-up + open): ${ref.toFixed(0)} ms`);
  console.log(
    `report beyond the reference: ${(r - ref).toFixed(0)} ms; ratio ${(r / ref).toFixed(2)}×`,
  );
  console.log(`target < ${TARGET_MS} ms in all: ${r < TARGET_MS ? 'met' : 'NOT met'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Start-up benchmark (issue S1): how long `attest --help` takes through the launcher with a fresh
// bundle, against a bare `node -e 0` measured in the same run, interleaved so both see the same
// machine load; median of RUNS each (target: within 0.5 s of node). For comparison it also times
// the start after an edit (the launcher rebuilds the bundle first) and the tsx path the command
// used before the bundle (ATTEST_CLI=sources).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'electron', 'cli', 'attest.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TARGET_S = 0.5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall-clock seconds of one `node <args>`; throws if it fails. */
function timed(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ATTEST_CLI: '', ...env },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return seconds;
}

const format = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(' ');

timed([CLI, '--help']); // the bundle is now fresh (built if it was not)
const node: number[] = [];
const attest: number[] = [];
for (let run = 0; run < RUNS; run++) {
  node.push(timed(['-e', '0']));
  attest.push(timed([CLI, '--help']));
}
const rebuild: number[] = [];
const sources: number[] = [];
for (let run = 0; run < 3; run++) {
  rmSync(join(ROOT, 'dist', 'cli', 'inputs.json'), { force: true }); // as after an edit
  rebuild.push(timed([CLI, '--help']));
  sources.push(timed([CLI, '--help'], { ATTEST_CLI: 'sources' }));
}

const overhead = median(attest) - median(node);
console.log(
  `startup: attest --help ${median(attest).toFixed(3)} s, node -e 0 ${median(node).toFixed(3)} s, ` +
    `overhead ${overhead.toFixed(3)} s, ratio ${(median(attest) / median(node)).toFixed(2)}× ` +
    `(target: overhead ≤ ${TARGET_S} s) ${overhead <= TARGET_S ? 'ok' : 'MISSED'}`,
);
console.log(`  runs: attest ${format(attest)} · node ${format(node)}`);
console.log(
  `  after an edit (rebuild, then run): median ${median(rebuild).toFixed(3)} s · ` +
    `through tsx (ATTEST_CLI=sources): median ${median(sources).toFixed(3)} s`,
);
if (overhead > TARGET_S) process.exitCode = 1;

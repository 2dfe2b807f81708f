// Export benchmark (DESIGN §10): `attest export` of a 1 GiB vault (one 512 MiB file + 128 × 4 MiB
// as evidence) against `zip -r -0` of the same files, start-up included for both, caches warmed;
// median of three runs each (budget ≤ 1.5×). Needs ~4 GiB of free disk. The machine is shared:
// with a load average of 3 or more the numbers would say more about the neighbours than about
// the export, so it says so and measures nothing (BENCH_IGNORE_LOAD=1 runs it anyway, to try it).
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomFillSync } from 'node:crypto';
import { run } from '../../electron/cli/main';
import { processIo } from '../../electron/cli/io';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'electron', 'cli', 'attest.mjs');
const MiB = 1024 * 1024;
const BUDGET = 1.5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function writeRandom(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  const buf = Buffer.alloc(4 * MiB);
  for (let done = 0; done < bytes; done += buf.length) {
    randomFillSync(buf);
    writeSync(fd, buf, 0, Math.min(buf.length, bytes - done));
  }
  closeSync(fd);
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = spawnSync(GNU_TIME, ['-f', '%U', 'true']).status === 0;

/**
 * Wall-clock and CPU seconds (user + system, from GNU time; NaN without it) of one command. The
 * machine is shared: the CPU time is what the work costs whatever the neighbours do.
 */
function timed(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): { wall: number; cpu: number } {
  // Never in `cwd`: the bench times `--help` from the repository, and a file left there once
  // ended up committed.
  const cpuFile = join(tmpdir(), `attest-bench-cpu-${process.pid}.txt`);
  const [cmd, argv] = hasGnuTime
    ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]]
    : [command, args];
  const started = performance.now();
  const r = spawnSync(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status})`);
  const wall = (performance.now() - started) / 1000;
  const cpu = hasGnuTime
    ? readFileSync(cpuFile, 'utf8')
        .trim()
        .split(/\s+/)
        .reduce((sum, x) => sum + Number(x), 0)
    : NaN;
  return { wall, cpu };
}

async function main(): Promise<void> {
  const load = loadavg()[0]!;
  if (load >= 3 && !process.env.BENCH_IGNORE_LOAD) {
    console.log(`export: not measured — load average ${load.toFixed(1)} (needs < 3).`);
    return;
  }
  const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'attest-bench-export-'));
  try {
    const src = join(root, 'evidence');
    mkdirSync(src);
    const files = [join(src, 'big.bin')];
    writeRandom(files[0]!, 512 * MiB);
    for (let i = 0; i < 128; i++) {
      files.push(join(src, `small-${i}.bin`));
      writeRandom(files.at(-1)!, 4 * MiB);
    }
    const vault = join(root, 'bench.attest');
    const env = { ...process.env, ATTEST_HOME: join(root, 'home') };
    const io = { ...processIo, env, cwd: root, isTty: false };
    if ((await run(['init', vault, '--name', 'Bench'], io)) !== 0) throw new Error('init failed');
    if ((await run(['evidence', 'add', vault, src], io)) !== 0) throw new Error('add failed');
    timed(CLI, ['--help'], ROOT); // the bundle is fresh before anything is timed
    spawnSync('cat', [vault, ...files], { stdio: 'ignore' }); // warm the cache for both

    // What every export costs whatever it holds (start-up, the documents, the final fsync): a
    // vault with nothing in it.
    const empty = join(root, 'empty.attest');
    if ((await run(['init', empty, '--name', 'Empty'], io)) !== 0) throw new Error('init failed');

    const reference: { wall: number; cpu: number }[] = [];
    const synced: { wall: number; cpu: number }[] = [];
    const attest: { wall: number; cpu: number }[] = [];
    const fixed: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const ref = join(root, `reference-${i}.zip`);
      reference.push(timed('zip', ['-q', '-r', '-0', ref, 'evidence'], root));
      rmSync(ref, { force: true });
      spawnSync('sync');
      // The export fsyncs its package before renaming it into place (a crash never leaves a
      // partial package under the destination's name); zip leaves it in the page cache.
      synced.push(timed('sh', ['-c', `zip -q -r -0 ${ref} evidence && sync`], root));
      rmSync(ref, { force: true });
      const small = join(root, `empty-${i}.zip`);
      fixed.push(timed(process.execPath, [CLI, 'export', empty, '--out', small], root, env));
      rmSync(small, { force: true });
      spawnSync('sync');
      const out = join(root, `package-${i}.zip`);
      attest.push(timed(process.execPath, [CLI, 'export', vault, '--out', out], root, env));
      if (statSync(out).size < 1024 * MiB)
        throw new Error('the package is smaller than its evidence');
      rmSync(out, { force: true });
    }
    const wall = (xs: typeof attest) => median(xs.map((x) => x.wall));
    const cpu = (xs: typeof attest) => median(xs.map((x) => x.cpu));
    const ratio = wall(attest) / wall(reference);
    const cpuRatio = cpu(attest) / cpu(reference);
    const runs = (xs: typeof attest, k: 'wall' | 'cpu') => xs.map((x) => x[k].toFixed(2)).join(' ');
    console.log(
      `export 1 GiB: attest ${wall(attest).toFixed(2)} s, zip -r -0 ${wall(reference).toFixed(2)} s, ratio ${ratio.toFixed(2)}× (budget ≤ ${BUDGET}×)`,
    );
    console.log(
      `  CPU (user + sys): attest ${cpu(attest).toFixed(2)} s, zip -r -0 ${cpu(reference).toFixed(2)} s, ratio ${cpuRatio.toFixed(2)}×`,
    );
    console.log(
      `  against zip -r -0 && sync: ${wall(synced).toFixed(2)} s, ratio ${(wall(attest) / wall(synced)).toFixed(2)}× (for comparison; the budget is against zip alone)`,
    );
    console.log(
      `  an empty vault's export (start-up, documents, fsync): ${wall(fixed).toFixed(2)} s wall, ${cpu(fixed).toFixed(2)} s CPU`,
    );
    console.log(
      `  runs: attest ${runs(attest, 'wall')} (CPU ${runs(attest, 'cpu')}) · zip ${runs(reference, 'wall')} (CPU ${runs(reference, 'cpu')}) · load ${loadavg()[0]!.toFixed(1)}`,
    );
    if (ratio > BUDGET) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();

// Evidence benchmark (D1, DESIGN §10), `npm run bench -- evidence`:
// 1. `attest evidence add` of 1 GiB (one 512 MiB file + 128 × 4 MiB), start-up included, then
//    `sync`, against `sha256sum` + `cp` + `sync` of the same files; caches warmed for both,
//    median of three runs each (budget ≤ 1.2×), wall clock and CPU (user + system) seconds —
//    on a shared machine the CPU is what the same work costs a quiet one. Then the same for
//    2 000 files of 50 KB (no budget: a folder of small files costs an item each).
// 2. Peak RSS of `attest evidence add` of one 2 GiB file (budget < 200 MB).
// 3. On the large demo (`attest demo --scale large`: 50 000 evidence items), the evidence list's
//    first page, unfiltered, by control and by window status, and a search (budget < 50 ms).
// Works in `.bench/` under the repository (a real disk, unlike a tmpfs /tmp); needs ~4 GiB free.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { CLI_CALLER } from '../../electron/rpc/callers';
import { dispatch } from '../../electron/rpc/dispatch';
import { createRuntime } from '../../electron/rpc/runtime';
import { silentLogger } from '../../electron/platform/logger';

const MiB = 1024 * 1024;
const REPO = resolve(import.meta.dirname, '..', '..');
const base = process.env.BENCH_DIR ?? join(REPO, '.bench');
mkdirSync(base, { recursive: true });
const root = mkdtempSync(join(base, 'evidence-'));
const home = join(root, 'home');
mkdirSync(home);
const env = { ...process.env, ATTEST_HOME: home };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[], digits = 2) => xs.map((x) => x.toFixed(digits)).join(' ');

function writeRandom(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  const buf = Buffer.alloc(4 * MiB);
  for (let done = 0; done < bytes; done += buf.length) {
    randomFillSync(buf);
    writeSync(fd, buf, 0, Math.min(buf.length, bytes - done));
  }
  closeSync(fd);
}

function attest(args: string[], options: { time?: boolean } = {}) {
  const cli = join(REPO, 'electron', 'cli', 'attest.mjs');
  const argv = options.time ? ['-f', '%M', process.execPath, cli, ...args] : [cli, ...args];
  const r = spawnSync(options.time ? '/usr/bin/time' : process.execPath, argv, {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  if (r.status !== 0) throw new Error(`attest ${args.join(' ')}: ${r.stderr}`);
  return r;
}

/** Runs a command under `/usr/bin/time`: its wall clock and CPU (user + system) seconds. */
function timed(command: string, args: string[]): { wall: number; cpu: number } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.stderr}`);
  const [user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: user! + sys! };
}

/**
 * `attest evidence add` of `sources` (then `sync`) against `sha256sum` + `cp` + `sync` of the same
 * `files`, three runs each, alternating; prints medians of wall clock and CPU and their ratios.
 */
function compare(label: string, budget: string, files: string[], sources = files): void {
  execFileSync('cat', files, { stdio: ['ignore', 'ignore', 'inherit'] }); // warm the cache
  const reference: { wall: number; cpu: number }[] = [];
  const measured: { wall: number; cpu: number }[] = [];
  const cli = join(REPO, 'electron', 'cli', 'attest.mjs');
  for (let run = 0; run < 3; run++) {
    const dest = join(root, `copy-${run}`);
    mkdirSync(dest);
    reference.push(
      timed('sh', ['-c', `sha256sum "$@" > /dev/null && cp "$@" ${dest}/ && sync`, 'sh', ...files]),
    );
    rmSync(dest, { recursive: true, force: true });

    const vault = join(root, `bench-${run}.attest`);
    attest(['init', vault, '--name', 'Bench', '--period', '2026-01-01..2026-06-30']);
    spawnSync('sync');
    measured.push(
      timed('sh', [
        '-c',
        `"${process.execPath}" "${cli}" evidence add "$@" --performed 2026-03-31 > /dev/null && sync`,
        'sh',
        vault,
        ...sources,
      ]),
    );
    rmSync(vault, { force: true });
  }
  const wall = median(measured.map((m) => m.wall)) / median(reference.map((m) => m.wall));
  const cpu = median(measured.map((m) => m.cpu)) / median(reference.map((m) => m.cpu));
  console.log(
    `attest evidence add of ${label} (start-up included): wall ${median(measured.map((m) => m.wall)).toFixed(2)} s vs ${median(reference.map((m) => m.wall)).toFixed(2)} s, ratio ${wall.toFixed(2)}× (${budget}); CPU ${median(measured.map((m) => m.cpu)).toFixed(2)} s vs ${median(reference.map((m) => m.cpu)).toFixed(2)} s, ratio ${cpu.toFixed(2)}×`,
  );
  console.log(
    `  runs: attest ${measured.map((m) => `${m.wall.toFixed(2)}/${m.cpu.toFixed(2)}`).join(' ')} · reference ${reference.map((m) => `${m.wall.toFixed(2)}/${m.cpu.toFixed(2)}`).join(' ')} (wall/CPU s)`,
  );
}

function ingest(): void {
  const src = join(root, 'src');
  mkdirSync(src);
  const files = [join(src, 'big.bin')];
  writeRandom(files[0]!, 512 * MiB);
  for (let i = 0; i < 128; i++) {
    files.push(join(src, `small-${i}.bin`));
    writeRandom(files.at(-1)!, 4 * MiB);
  }
  // Warm the CLI bundle (the launcher rebuilds it if the sources changed).
  attest(['--version']);
  compare('1 GiB (512 MiB + 128 × 4 MiB)', 'budget ≤ 1.2×', files);
  rmSync(src, { recursive: true, force: true });

  // Many small files: what a folder of screenshots and exports looks like.
  const many = join(root, 'many');
  mkdirSync(many);
  const names: string[] = [];
  for (let i = 0; i < 2000; i++) {
    names.push(join(many, `file-${String(i).padStart(4, '0')}.bin`));
    writeFileSync(names.at(-1)!, randomFillSync(Buffer.alloc(50_000)));
  }
  // One folder for attest (a call takes at most 1 000 paths), its files for the reference.
  compare('2 000 × 50 KB', 'no budget', names, [many]);
  rmSync(many, { recursive: true, force: true });

  const big = join(root, 'two-gib.bin');
  writeRandom(big, 2048 * MiB);
  const vault = join(root, 'rss.attest');
  attest(['init', vault, '--name', 'RSS']);
  const r = attest(['evidence', 'add', vault, big], { time: true });
  const kib = Number(r.stderr.trim().split('\n').at(-1));
  console.log(
    `peak RSS of attest evidence add of one 2 GiB file: ${(kib / 1024).toFixed(0)} MiB (budget < 200 MB)`,
  );
  rmSync(big, { force: true });
  rmSync(vault, { force: true });
}

async function firstPage(): Promise<void> {
  const vault = join(root, 'large.attest');
  let t = performance.now();
  // BENCH_LARGE_VAULT: a large demo built before (`attest demo <file> --scale large`), copied.
  const prebuilt = process.env.BENCH_LARGE_VAULT;
  if (prebuilt) copyFileSync(prebuilt, vault);
  else {
    attest(['demo', vault, '--scale', 'large']);
    console.log(`attest demo --scale large: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const ctx = createRuntime({ home, app: 'bench', logger: silentLogger });
  const call = async (method: string, input: unknown) => {
    const r = await dispatch(ctx, method as never, input as never, CLI_CALLER);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  try {
    await call('vault.open', { file: vault });
    const control = ((await call('controls.list', { limit: 1 })).items as { id: string }[])[0]!.id;
    const cases: [string, string, unknown][] = [
      ['first page (100)', 'evidence.list', { limit: 100 }],
      ['first page by control', 'evidence.list', { limit: 100, controlId: control }],
      ['first page by window status', 'evidence.list', { limit: 100, windowStatus: 'partly' }],
      [
        'first page sorted by title',
        'evidence.list',
        { limit: 100, sort: { key: 'title', dir: 'asc' } },
      ],
      ['search "access review"', 'evidence.search', { query: 'access review' }],
    ];
    for (const [name, method, input] of cases) {
      await call(method, input); // warm
      const times: number[] = [];
      let answer: Record<string, unknown> = {};
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        answer = await call(method, input);
        times.push(performance.now() - t);
      }
      const total = 'total' in answer ? ` of ${String(answer.total)}` : '';
      console.log(
        `large demo, ${name}${total}: median ${median(times).toFixed(1)} ms (runs ${fmt(times, 1)}; budget < 50 ms)`,
      );
    }
  } finally {
    await ctx.dispose();
  }
}

try {
  if (process.env.BENCH_ONLY !== 'list') ingest();
  if (process.env.BENCH_ONLY !== 'ingest') await firstPage();
} finally {
  rmSync(root, { recursive: true, force: true });
}

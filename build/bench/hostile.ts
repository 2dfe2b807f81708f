// Hostile-input benchmark (DESIGN §10: any request-list file refused or imported in < 5 s and
// < 300 MB RSS, the server answering other calls within 200 ms throughout). For each of the
// security probe's files (20 MB of new lines, a 24 MB quote that never closes, an XLSX whose one
// shared string is 300 million characters) and for a legitimate 5,000-row list (CSV and XLSX):
// a fresh `attest serve`, the file uploaded, then the preview and the import job timed while
// app.info is called every 20 ms; the worst app.info latency and the server's peak RSS (VmHWM:
// the process and its worker thread) are reported. Median of three runs each.
//
// The server is the CLI bundled with esbuild into .bench/cli/ with its worker beside it, as a
// shipped build runs; `--tsx` runs the sources under tsx instead (the worker then starts slower).
//
//   node --import tsx build/bench/hostile.ts [--tsx] [--runs N]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import {
  legitCsv,
  writeLegitXlsx,
  writeNewlinesCsv,
  writeSharedStringBomb,
  writeUnterminatedQuoteCsv,
} from '../../electron/core/requests/hostile-fixtures';
import { type HttpTestClient, connect } from '../../electron/testing/http-client';
import { REPO_ROOT, waitForLine } from '../../electron/testing/spawn';

const args = process.argv.slice(2);
const useTsx = args.includes('--tsx');
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'attest-hostile-'));

/** The CLI as a shipped build runs it: one bundle, its worker in workers/ beside it. */
async function bundleCli(): Promise<string> {
  // Two folders below the repository, like dist/cli, so resources resolve the same way.
  const dir = join(REPO_ROOT, '.bench', 'cli');
  await build({
    absWorkingDir: REPO_ROOT,
    stdin: {
      contents:
        "import { run } from './electron/cli/main.ts';\n" +
        'process.exitCode = await run(process.argv.slice(2));\n',
      resolveDir: REPO_ROOT,
      sourcefile: 'attest-bench.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: join(dir, 'attest.mjs'),
    logLevel: 'warning',
  });
  const { buildWorkers } = (await import(
    new URL('../build-workers.mjs', import.meta.url).href
  )) as {
    buildWorkers: (o: { root: string; outdir: string; target: string }) => Promise<unknown>;
  };
  await buildWorkers({ root: REPO_ROOT, outdir: join(dir, 'workers'), target: 'node20' });
  return join(dir, 'attest.mjs');
}

interface Server {
  child: ChildProcess;
  client: HttpTestClient;
}

async function serve(cli: string): Promise<Server> {
  const home = mkdtempSync(join(root, 'home-'));
  const argv = useTsx ? [join(REPO_ROOT, 'electron/cli/attest.mjs')] : [cli];
  const child = spawn(process.execPath, [...argv, 'serve'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ATTEST_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = await waitForLine(child, /Attest is running at /);
  const client = await connect(line.replace(/^.*Attest is running at /, '').trim());
  const created = await client.call('vault.create', {
    file: 'bench',
    engagement: { name: 'Bench', reportType: 'type1', asOf: '2026-03-31' },
  });
  if (!created.ok) throw new Error(created.error.message);
  for (let i = 0; i < 5; i++) await client.call('app.info', {});
  return { child, client };
}

async function stop({ child }: Server): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

/** The server's peak resident memory so far, in MB (the worker thread included). */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Runs `work` while app.info is called every 20 ms; the work's time and the worst latency. */
async function timed<T>(client: HttpTestClient, work: () => Promise<T>) {
  let done = false;
  let worst = 0;
  const probe = (async () => {
    while (!done) {
      const t = performance.now();
      const info = await client.call('app.info', {});
      if (!info.ok) throw new Error('app.info failed');
      worst = Math.max(worst, performance.now() - t);
      await sleep(20);
    }
  })();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  done = true;
  await probe;
  return { result, ms, worstInfoMs: worst };
}

async function upload(client: HttpTestClient, path: string, name: string): Promise<string> {
  const r = await client.raw(`/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body: readFileSync(path),
  });
  if (r.status !== 200) throw new Error(`upload answered ${r.status}`);
  return ((await r.json()) as { uploadId: string }).uploadId;
}

async function importJob(client: HttpTestClient, input: unknown) {
  const started = await client.call('requests.import', input);
  if (!started.ok) throw new Error(started.error.message);
  const { jobId } = started.value as { jobId: string };
  for (;;) {
    const got = await client.call('jobs.get', { jobId });
    if (!got.ok) throw new Error(got.error.message);
    const job = got.value as { state: string; error?: { message: string } };
    if (job.state !== 'queued' && job.state !== 'running') return job;
    await sleep(10);
  }
}

interface Outcome {
  previewMs: number;
  importMs: number;
  worstInfoMs: number;
  peakRssMb: number;
  result: string;
}

async function runCase(cli: string, path: string, name: string): Promise<Outcome> {
  const server = await serve(cli);
  try {
    const { client } = server;
    const uploadId = await upload(client, path, name);
    const source = { uploadId };
    const preview = await timed(client, () =>
      client.call('requests.previewImport', { source, fileName: name }),
    );
    const mapping = preview.result.ok
      ? (preview.result.value as { mapping: unknown }).mapping
      : { ref: 'PBC #' };
    const imported = await timed(client, () =>
      importJob(client, { source, fileName: name, mapping }),
    );
    const job = imported.result;
    return {
      previewMs: preview.ms,
      importMs: imported.ms,
      worstInfoMs: Math.max(preview.worstInfoMs, imported.worstInfoMs),
      peakRssMb: peakRssMb(server.child.pid!),
      result:
        job.state === 'succeeded'
          ? 'imported'
          : `refused: ${job.error?.message.slice(0, 90) ?? job.state}…`,
    };
  } finally {
    await stop(server);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const files = join(root, 'files');
  mkdirSync(files);
  const legitCsvPath = join(files, 'legit-5000.csv');
  writeFileSync(legitCsvPath, legitCsv(5_000));
  const cases: [string, string][] = [
    ['newlines.csv', writeNewlinesCsv(join(files, 'newlines.csv'))],
    ['quote.csv', writeUnterminatedQuoteCsv(join(files, 'quote.csv'))],
    ['bomb.xlsx', await writeSharedStringBomb(join(files, 'bomb.xlsx'))],
    ['legit-5000.csv', legitCsvPath],
    ['legit-5000.xlsx', await writeLegitXlsx(join(files, 'legit-5000.xlsx'), 5_000)],
  ];
  const cli = useTsx ? '' : await bundleCli();
  console.log(
    `hostile request lists (${useTsx ? 'sources under tsx' : 'bundled CLI and worker'}; median of ${runs}; budget: < 5000 ms, < 300 MB, app.info < 200 ms)`,
  );
  console.log('file              preview ms  import ms  worst app.info ms  peak RSS MB  result');
  for (const [name, path] of cases) {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < runs; i++) outcomes.push(await runCase(cli, path, name));
    const m = (pick: (o: Outcome) => number) => median(outcomes.map(pick)).toFixed(0);
    console.log(
      `${name.padEnd(17)} ${m((o) => o.previewMs).padStart(10)} ${m((o) => o.importMs).padStart(10)} ` +
        `${m((o) => o.worstInfoMs).padStart(18)} ${m((o) => o.peakRssMb).padStart(12)}  ${outcomes[0]!.result}`,
    );
    console.log(
      `  runs: ${outcomes.map((o) => `${o.previewMs.toFixed(0)}/${o.importMs.toFixed(0)} ms, ${o.worstInfoMs.toFixed(0)} ms, ${o.peakRssMb.toFixed(0)} MB`).join(' · ')}`,
    );
  }
}

try {
  await main();
} finally {
  rmSync(root, { recursive: true, force: true });
}

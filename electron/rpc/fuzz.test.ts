import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { z } from 'zod';
import { type Envelope, METHOD_NAMES, type MethodName, methods } from '../../shared/api/index';
import { loadCatalog, useCatalog } from '../core/catalog/catalog';
import { buildDemoVault } from '../core/demo/demo';
import { writePbcCsv } from '../core/requests/test-fixtures';
import { closeVault } from '../core/vault/session';
import { fixedClock } from '../platform/clock';
import { sequentialIds } from '../platform/ids';
import type { Logger } from '../platform/logger';
import {
  type FuzzFiles,
  type FuzzPool,
  InputGenerator,
  describeInput,
  wrongType,
} from '../testing/fuzz-inputs';
import { newerCatalog } from '../testing/newer-catalog';
import { seededRandom } from '../testing/random';
import { REPO_ROOT } from '../testing/spawn';
import { CLI_CALLER, HTTP_CALLER } from './callers';
import { dispatch } from './dispatch';
import { createRuntime } from './runtime';

/**
 * The API fuzz test (DESIGN §9, H10): a few thousand inputs across every contract method, over
 * direct dispatch with the demo vault open, generated from each method's input schema — valid
 * shapes with hostile values, wrong types, extra keys, `__proto__`, mutated valid inputs.
 * Nothing may throw, no envelope or job may end `internal`, and every answer must match the
 * method's declared output. Seeded: FUZZ_SEED=<n> replays a run, FUZZ_ROUNDS=<n> sizes it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 40);
/** FUZZ_TRACE=1 prints every call before it is made: the one that hangs or crashes is the last. */
const TRACE = process.env.FUZZ_TRACE === '1';

let dir: string;
let home: string;
let fuzzVault: string;
let files: FuzzFiles;
let rescuer: ChildProcess;
let released: string;
let runtime: ReturnType<typeof createRuntime>;
const unexpected: unknown[] = [];
const uploads: string[] = [];

interface Failure {
  seed: number;
  round: number;
  method: string;
  transport: string;
  input: string;
  problem: string;
}
/** The call being made, for the failure report and for errors logged while it runs. */
let current: Omit<Failure, 'problem'> | null = null;

const logger: Logger = {
  log() {},
  info() {},
  warn() {},
  error: (message, fields) => unexpected.push({ message, ...fields, during: current }),
};

async function call(method: string, input: unknown, caller = CLI_CALLER): Promise<Envelope> {
  return dispatch(runtime, method, keepWritesInside(input), caller);
}

/**
 * The CLI may save a generated file over any regular file it names (a user's explicit choice),
 * and this test may run as root: a `saveTo` outside the fuzz's folder is moved into it, keeping
 * its name, so `/etc/passwd` is never written. The FIFO and the folder inside stay as they are,
 * to prove they are refused.
 */
function keepWritesInside(input: unknown): unknown {
  const saveTo = (input as { saveTo?: { path?: unknown } } | null)?.saveTo;
  if (!saveTo || typeof saveTo !== 'object' || typeof saveTo.path !== 'string') return input;
  if (saveTo.path.startsWith(`${dir}/`)) return input;
  const name = saveTo.path.split(/[\\/]/).pop() || 'export';
  return { ...(input as object), saveTo: { ...saveTo, path: join(dir, 'outside', name) } };
}

async function ok(method: MethodName, input: unknown): Promise<unknown> {
  const envelope = await call(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

async function waitForJob(jobId: string) {
  return runtime.jobs.wait(jobId);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attest-fuzz-'));
  home = join(dir, 'home');
  mkdirSync(home);
  // The demo vault, built once for this file and opened as a copy (the template stays closed).
  // Ids and times are made in sequence (one source for the demo and the runtime), so the same
  // seed picks the same records and a run replays.
  const ids = sequentialIds();
  const clock = fixedClock();
  closeVault(await buildDemoVault(join(dir, 'template.attest'), { app: 'fuzz test', ids, clock }));
  fuzzVault = join(home, 'fuzz.attest');
  copyFileSync(join(dir, 'template.attest'), fuzzVault);

  const fifo = join(dir, 'pipe.csv');
  execFileSync('mkfifo', [fifo]);
  // Opening a pipe blocks until a writer comes; long after the run should be over (its time
  // limit is shorter), a helper leaves a marker and opens both ends, so a call blocked on the
  // pipe — synchronously, which no time limit could interrupt — fails the test instead of
  // hanging it. The checks below open the pipe without blocking (O_NONBLOCK), which counts as a
  // reader: so the helper must wait on a timer, not on the pipe. Measured: the run takes
  // 80–185 s on this 2-core machine, depending on its load.
  released = `${fifo}.released`;
  rescuer = spawn(
    'sh',
    ['-c', 'sleep 600; : > "$1"; (cat "$0" > /dev/null &); : > "$0"', fifo, released],
    { stdio: 'ignore' },
  );
  const folder = join(dir, 'folder.attest');
  mkdirSync(folder);
  const loop = join(dir, 'loop.attest');
  symlinkSync(join(dir, 'loop-back.attest'), loop);
  symlinkSync(loop, join(dir, 'loop-back.attest'));
  const small = join(dir, 'evidence.bin');
  writeFileSync(small, Buffer.from('a small stored file\n'));
  files = {
    fifo,
    folder,
    loop,
    missing: join(dir, 'missing.attest'),
    csv: writePbcCsv(dir),
    small,
  };

  runtime = createRuntime({ home, app: 'fuzz test', logger, uploads: true, ids, clock });
  await ok('vault.open', { file: fuzzVault });
  // Requests and a stored file, so their methods have something to find.
  const imported = (await ok('requests.import', {
    source: { path: files.csv },
    fileName: 'pbc.csv',
    mapping: { ref: 'PBC #', description: 'Item Requested' },
  })) as { jobId: string };
  expect((await waitForJob(imported.jobId)).state).toBe('succeeded');
  const subserviceId = runtime
    .vault!.db.sqlite.prepare('SELECT id FROM subservice_org LIMIT 1')
    .pluck()
    .get() as string;
  const stored = (await ok('sd.attachSubserviceReport', {
    id: subserviceId,
    source: { path: small },
    fileName: 'report.pdf',
  })) as { jobId: string };
  expect((await waitForJob(stored.jobId)).state).toBe('succeeded');
  // Evidence: two items (one a CSV a population can be read from), so its methods find some.
  const evidence = (await ok('evidence.add', {
    sources: [{ path: files.csv }, { path: small }],
  })) as { jobId: string };
  expect((await waitForJob(evidence.jobId)).state).toBe('succeeded');
  // Staged uploads, as a browser sends them, for the methods that take an upload id.
  // A newer catalog in this build, so catalog.updatePlan and catalog.applyUpdate have work to do.
  useCatalog(newerCatalog());
  for (const [name, path] of [
    ['pbc.csv', files.csv],
    ['evidence.bin', small],
  ] as const) {
    uploads.push((await runtime.uploads!.receive(Readable.from([readFileSync(path)]), name)).id);
  }
}, 120_000);

afterAll(async () => {
  await runtime?.dispose();
  useCatalog(null);
  rescuer?.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function starterRiskKeys(): string[] {
  const file = JSON.parse(
    readFileSync(join(REPO_ROOT, 'resources', 'catalog', 'starter-risks.json'), 'utf8'),
  ) as { risks: { key: string }[] };
  return file.risks.map((r) => r.key);
}

/** Ids of every kind in the open vault, a few of each, and the values that look valid here. */
function poolFromVault(): FuzzPool {
  const db = runtime.vault!.db.sqlite;
  const tables = db
    .prepare(
      `SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
       WHERE m.type = 'table' AND c.name = 'id' AND c.type = 'TEXT'`,
    )
    .pluck()
    .all() as string[];
  const ids = tables
    .map((t) => db.prepare(`SELECT id FROM "${t}" ORDER BY id LIMIT 12`).pluck().all() as string[])
    .filter((group) => group.length > 0);
  return {
    ids,
    words: [
      'Fuzz title',
      'Ana Lima',
      'ana@example.test',
      '2026-01-01',
      '2026-03-31',
      '2026-06-30',
      '2026-12-31',
      '2026-03-31T10:00:00.000Z',
      'CC6.1',
      'A1.2',
      'AC-01',
      'PBC-001',
      'Wave 1',
    ],
    byKey: {
      file: ['fuzz.attest', 'other.attest', 'copy.attest', files.folder, files.fifo, files.missing],
      path: [files.csv, files.small, files.fifo, files.folder, files.loop, files.missing],
      fileName: ['pbc.csv', 'evidence.bin'],
      toVersion: [loadCatalog().version],
      cursor: ['PBC-001', 'PBC-002'],
      uploadId: [...uploads, 'up_00000000000000000000'],
      key: starterRiskKeys(),
      // Filled in as the run starts jobs.
      jobId: ['job_0'],
    },
  };
}

describe('the API under fuzzed input', () => {
  it(`never answers internal, never throws, always matches the contract (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const pool = poolFromVault();
    const gen = new InputGenerator(random, pool, files);
    const failures: Failure[] = [];
    onTestFailed(() => {
      if (current) console.error('fuzz: the call under way when the test failed:', current);
    });
    const fail = (problem: string) => failures.push({ ...current!, problem });
    let calls = 0;
    const outcomes = new Map<string, number>();
    const answered = new Set<string>();

    for (let round = 0; round < ROUNDS; round++) {
      const order = [...METHOD_NAMES].sort(() => random() - 0.5);
      for (const method of order) {
        const schema = methods[method].input;
        const mode = random();
        const input =
          mode < 0.03
            ? wrongType(random, gen.hostile)
            : mode < 0.38
              ? gen.generate(schema, { hostility: 0 })
              : mode < 0.7
                ? gen.generate(schema, { hostility: 0.15 })
                : gen.mutate(gen.generate(schema, { hostility: 0 }));
        const caller = random() < 0.75 ? CLI_CALLER : HTTP_CALLER;
        // Drawn for every call, so what follows does not depend on how this call ended.
        const cancelAtOnce = random() < 0.7;
        current = {
          seed: SEED,
          round,
          method,
          transport: caller.transport,
          input: describeInput(input),
        };
        if (TRACE) process.stderr.write(`fuzz trace: ${JSON.stringify(current)}\n`);
        calls++;
        let envelope: Envelope;
        try {
          envelope = await call(method, input, caller);
        } catch (e) {
          fail(`dispatch threw: ${String(e)}`);
          continue;
        }
        const outcome = envelope.ok ? 'ok' : envelope.error.code;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (envelope.ok) answered.add(method);
        if (!envelope.ok) {
          if (envelope.error.code === 'internal') fail('answered internal');
        } else {
          const output = (methods[method].output as z.ZodType).safeParse(envelope.value);
          if (!output.success) fail(`output does not match the contract: ${output.error.message}`);
          const jobResult = (methods[method] as { jobResult?: z.ZodType }).jobResult;
          if (jobResult) {
            const { jobId } = envelope.value as { jobId: string };
            pool.byKey.jobId!.push(jobId);
            // Most jobs are cancelled at once (the demo always: a large one takes 20 s).
            if (method === 'vault.createDemo' || cancelAtOnce) await call('jobs.cancel', { jobId });
            const job = await waitForJob(jobId);
            if (job.error?.code === 'internal') fail(`its job ended internal`);
            if (job.state === 'succeeded' && !jobResult.safeParse(job.result).success)
              fail('its job result does not match the contract');
          }
        }
        // Back to the fuzz vault when a call closed it or opened another.
        if (runtime.vault?.path !== fuzzVault) await ok('vault.open', { file: fuzzVault });
      }
    }
    current = null;
    // What the run reached, so a generator that stopped producing useful inputs shows.
    process.stderr.write(
      `fuzz: ${calls} calls (seed ${SEED}): ${[...outcomes].map(([k, n]) => `${k} ${n}`).join(', ')}; ` +
        `never answered ok: ${METHOD_NAMES.filter((m) => !answered.has(m)).join(', ') || 'none'}\n`,
    );

    expect(calls).toBeGreaterThanOrEqual(ROUNDS * METHOD_NAMES.length);
    expect(failures.slice(0, 20), `${failures.length} failures (seed ${SEED})`).toEqual([]);
    expect(unexpected, 'unexpected errors logged').toEqual([]);
    expect(runtime.jobs.list(['queued', 'running'])).toEqual([]);
    // Nothing was ever blocked on the named pipe, and no prototype was polluted.
    expect(existsSync(released)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 420_000);

  it('never reads a device, a pipe or a folder as a file to store', async () => {
    const SUBSERVICE_ID = runtime
      .vault!.db.sqlite.prepare('SELECT id FROM subservice_org LIMIT 1')
      .pluck()
      .get() as string;
    for (const path of ['/dev/zero', files.fifo, files.folder]) {
      for (const [method, input] of [
        ['requests.previewImport', { source: { path }, fileName: 'x.csv' }],
        ['package.verify', { source: { path } }],
        ['requests.previewResponse', { source: { path } }],
        ['requests.importResponse', { source: { path } }],
        ['sd.attachSubserviceReport', { id: SUBSERVICE_ID, source: { path }, fileName: 'r.pdf' }],
        ...(path === files.folder ? [] : [['evidence.add', { sources: [{ path }] }] as const]),
      ] as const) {
        const r = await call(method, input);
        expect(r, `${method} ${path}`).toMatchObject({ ok: false, error: { code: 'validation' } });
        expect(!r.ok && r.error.message).toMatch(/is (a device|a named pipe|a folder)/);
      }
    }
    expect(existsSync(released)).toBe(false);
  });
});

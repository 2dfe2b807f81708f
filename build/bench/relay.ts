// Relay benchmark (issue S3): what moving the runtime into its own process costs.
// - Latency per call: `app.info` and `controls.list` (a real SQL read) dispatched in this process,
//   against the same calls through the relay to a forked runtime host (fork IPC, advanced
//   serialization: the transport of `attest serve`; Electron's utilityProcess port is the same
//   protocol over structured clone). Interleaved rounds, median of each.
// - Blob throughput: a stored file read back out of the vault through the port (chunks under
//   credit), against `cat` of the same bytes from a plain file to /dev/null and against reading
//   the blob in this process. Ratios, since the machine's speed varies.
// Sizes: BENCH_BLOB_MIB (default 256), BENCH_CALLS (default 2000).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../shared/api/index';
import { blobReadStream } from '../../electron/db/blobs';
import type { Logger } from '../../electron/platform/logger';
import { CLI_CALLER } from '../../electron/rpc/callers';
import { dispatch } from '../../electron/rpc/dispatch';
import { createRuntime } from '../../electron/rpc/runtime';
import { forkHost } from '../../electron/runtime/fork';
import { RuntimeRelay } from '../../electron/runtime/relay';

const BLOB_MIB = Number(process.env.BENCH_BLOB_MIB ?? 256);
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const ROUNDS = 5;
const quiet: Logger = { log() {}, info() {}, warn() {}, error() {} };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function must(envelope: Envelope): unknown {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

const root = mkdtempSync(join(tmpdir(), 'attest-bench-relay-'));
try {
  // One vault with one stored file of BLOB_MIB, made in this process and closed again.
  const home = join(root, 'home');
  mkdirSync(home);
  const source = join(root, 'blob.bin');
  const block = Buffer.alloc(1024 * 1024);
  const digest = createHash('sha256');
  const parts: Buffer[] = [];
  for (let i = 0; i < BLOB_MIB; i++) {
    block.fill(i % 251).writeUInt32BE(i, 0);
    digest.update(block);
    parts.push(Buffer.from(block));
    if (parts.length === 64 || i === BLOB_MIB - 1) {
      writeFileSync(source, Buffer.concat(parts), { flag: i < 64 ? 'w' : 'a' });
      parts.length = 0;
    }
  }
  const vaultFile = join(root, 'bench.attest');
  const local = createRuntime({ home, app: 'bench (in process)', logger: quiet });
  must(
    await dispatch(
      local,
      'vault.create',
      { file: vaultFile, engagement: { name: 'B' } },
      CLI_CALLER,
    ),
  );
  must(await dispatch(local, 'scope.confirm', {}, CLI_CALLER));
  const org = must(
    await dispatch(
      local,
      'sd.saveSubservice',
      { name: 'Hosting', services: 'Hosting', method: 'inclusive', criteria: ['CC6.4'] },
      CLI_CALLER,
    ),
  ) as { id: string };
  const { jobId } = must(
    await dispatch(
      local,
      'sd.attachSubserviceReport',
      { id: org.id, source: { path: source }, fileName: 'blob.bin' },
      CLI_CALLER,
    ),
  ) as { jobId: string };
  let job: { state: string; result: { blobId: number } | null };
  do {
    await new Promise((r) => setTimeout(r, 50));
    job = must(await dispatch(local, 'jobs.get', { jobId }, CLI_CALLER)) as typeof job;
  } while (job.state === 'queued' || job.state === 'running');
  if (job.state !== 'succeeded') throw new Error(`storing the file ${job.state}`);
  const blobId = job.result!.blobId;

  // In-process reference: latency and the blob read, with the vault open here.
  const inProcess = async (method: string) => {
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) must(await dispatch(local, method, {}, CLI_CALLER));
    return ((performance.now() - started) * 1000) / CALLS;
  };
  const readLocal = async () => {
    const started = performance.now();
    let size = 0;
    for await (const chunk of blobReadStream(local.vault!.db, blobId)) size += chunk.length;
    if (size !== BLOB_MIB * 1024 * 1024) throw new Error('short read');
    return (performance.now() - started) / 1000;
  };
  const localInfo: number[] = [];
  const localList: number[] = [];
  const localRead: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    localInfo.push(await inProcess('app.info'));
    localList.push(await inProcess('controls.list'));
    localRead.push(await readLocal());
  }
  await local.dispose();

  // The same through the relay to a forked host.
  const relay = new RuntimeRelay(forkHost(), { home, app: 'bench (host)' }, quiet);
  await relay.whenReady();
  must(await relay.call('vault.open', { file: vaultFile }, 'cli'));
  const relayed = async (method: string) => {
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) must(await relay.call(method, {}, 'cli'));
    return ((performance.now() - started) * 1000) / CALLS;
  };
  const readRelay = async (verify: boolean) => {
    const started = performance.now();
    const { stream } = await relay.read({ kind: 'blob', blobId });
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (verify) hash.update(chunk);
    }
    if (size !== BLOB_MIB * 1024 * 1024) throw new Error('short read');
    const seconds = (performance.now() - started) / 1000;
    if (verify && hash.digest('hex') !== expected) throw new Error('bytes differ');
    return seconds;
  };
  const expected = digest.digest('hex');
  const cat = () => {
    const started = performance.now();
    const done = spawnSync('sh', ['-c', `cat "${source}" > /dev/null`]);
    if (done.status !== 0) throw new Error('cat failed');
    return (performance.now() - started) / 1000;
  };
  const relayInfo: number[] = [];
  const relayList: number[] = [];
  const relayRead: number[] = [];
  const catRead: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    relayInfo.push(await relayed('app.info'));
    relayList.push(await relayed('controls.list'));
    relayRead.push(await readRelay(r === 0));
    catRead.push(cat());
  }
  await relay.shutdown();

  const us = (x: number) => `${x.toFixed(0)} µs`;
  const mibs = (s: number) => `${(BLOB_MIB / s).toFixed(0)} MiB/s`;
  console.log(
    `relay latency (${CALLS} sequential calls, median of ${ROUNDS}): app.info ${us(median(relayInfo))} ` +
      `vs ${us(median(localInfo))} in process (+${us(median(relayInfo) - median(localInfo))}); ` +
      `controls.list ${us(median(relayList))} vs ${us(median(localList))} ` +
      `(+${us(median(relayList) - median(localList))})`,
  );
  console.log(
    `relay blob throughput (${BLOB_MIB} MiB, median of ${ROUNDS}): through the port ` +
      `${mibs(median(relayRead))}, in process ${mibs(median(localRead))}, cat ${mibs(median(catRead))}; ` +
      `port/cat time ratio ${(median(relayRead) / median(catRead)).toFixed(2)}×, ` +
      `port/in-process ${(median(relayRead) / median(localRead)).toFixed(2)}×`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}

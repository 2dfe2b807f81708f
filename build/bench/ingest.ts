// Ingest benchmark (DESIGN §10): storing 1 GiB (one 512 MiB file + 128 × 4 MiB) in a vault, then
// `sync`, against `sha256sum` + `cp` + `sync` of the same files, caches warmed for both; median of
// three runs each. Also the peak RSS of storing one 2 GiB file. Needs ~6 GiB of free disk.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomFillSync } from 'node:crypto';
import { engagementInput } from '../../shared/api/vault';
import { putBlobFromFile } from '../../electron/db/blobs';
import { closeVault, createVault } from '../../electron/core/vault/session';

const MiB = 1024 * 1024;
const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'attest-bench-'));

function writeRandom(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  const buf = Buffer.alloc(4 * MiB);
  for (let done = 0; done < bytes; done += buf.length) {
    randomFillSync(buf);
    writeSync(fd, buf, 0, Math.min(buf.length, bytes - done));
  }
  closeSync(fd);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const src = join(root, 'src');
  mkdirSync(src);
  const files = [join(src, 'big.bin')];
  writeRandom(files[0]!, 512 * MiB);
  for (let i = 0; i < 128; i++) {
    files.push(join(src, `small-${i}.bin`));
    writeRandom(files.at(-1)!, 4 * MiB);
  }
  execFileSync('cat', files, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 }); // warm the cache

  const reference: number[] = [];
  const attest: number[] = [];
  for (let run = 0; run < 3; run++) {
    const dest = join(root, `copy-${run}`);
    mkdirSync(dest);
    let t = performance.now();
    spawnSync('sh', [
      '-c',
      `sha256sum "$@" > /dev/null && cp "$@" ${dest}/ && sync`,
      'sh',
      ...files,
    ]);
    reference.push((performance.now() - t) / 1000);
    rmSync(dest, { recursive: true, force: true });

    const vaultPath = join(root, `bench-${run}.attest`);
    t = performance.now();
    const vault = await createVault(vaultPath, engagementInput.parse({ name: 'Bench' }), {
      app: 'bench',
    });
    for (const f of files) await putBlobFromFile(vault.db, f, { now: vault.now });
    closeVault(vault);
    spawnSync('sync');
    attest.push((performance.now() - t) / 1000);
    rmSync(vaultPath, { force: true });
  }
  const ratio = median(attest) / median(reference);
  console.log(
    `ingest 1 GiB: attest ${median(attest).toFixed(2)} s, reference ${median(reference).toFixed(2)} s, ratio ${ratio.toFixed(2)}× (budget ≤ 1.3×)`,
  );
  console.log(
    `  runs: attest ${attest.map((x) => x.toFixed(2)).join(' ')} · reference ${reference.map((x) => x.toFixed(2)).join(' ')}`,
  );

  const big = join(root, 'two-gib.bin');
  const fd = openSync(big, 'w');
  closeSync(fd);
  execFileSync('truncate', ['-s', String(2 * 1024 * MiB), big]);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/testing/ingest-big.ts', root, String(2 * 1024 * MiB)],
    {
      encoding: 'utf8',
    },
  );
  const rss = JSON.parse(child.stdout) as { ingestMaxRssMiB: number; maxRssMiB: number };
  console.log(
    `peak RSS storing one 2 GiB file: ${rss.ingestMaxRssMiB.toFixed(0)} MiB (budget < 200 MB); after reading it back too: ${rss.maxRssMiB.toFixed(0)} MiB`,
  );
}

try {
  await main();
} finally {
  rmSync(root, { recursive: true, force: true });
}

// Package verify benchmark (DESIGN §10): `attest verify` of a ~1 GiB audit package (one 512 MiB
// file + 128 × 4 MiB, stored, built here with the test fixture) against what an auditor would do
// with standard tools — `unzip -q` into a folder, then `sha256sum -c SHA256SUMS` there — start-up
// included, caches warmed for both, median of three runs each. Budget ≤ 1.5×. Needs ~3 GiB of
// free disk. Refuses to measure on a busy machine (load average ≥ 3): the ratio would be noise.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomFillSync } from 'node:crypto';
import { type FixtureFile, writeTestPackage } from '../../electron/testing/package-fixture';

const MiB = 1024 * 1024;
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

async function main(root: string): Promise<void> {
  const src = join(root, 'src');
  mkdirSync(src);
  const files: FixtureFile[] = [];
  const add = (name: string, bytes: number) => {
    const file = join(src, name);
    writeRandom(file, bytes);
    files.push({ path: `04_Evidence/CC6.1-01/${name}`, content: { file } });
  };
  // BENCH_VERIFY_MIB shrinks the package for a quick try of the script itself (default 1024).
  const total = Number(process.env.BENCH_VERIFY_MIB ?? 1024) * MiB;
  add('EV-0001_big.bin', total / 2);
  for (let i = 0; i < 128; i++) {
    add(`EV-${String(i + 2).padStart(4, '0')}_small.bin`, total / 2 / 128);
  }
  const pkg = join(root, 'package.zip');
  await writeTestPackage(pkg, files);
  rmSync(src, { recursive: true, force: true });
  execFileSync('cat', [pkg], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 }); // warm

  const reference: number[] = [];
  const attest: number[] = [];
  for (let run = 0; run < 3; run++) {
    const out = join(root, `unzipped-${run}`);
    let t = performance.now();
    const ref = spawnSync(
      'sh',
      ['-c', `unzip -q "$1" -d "$2" && cd "$2" && sha256sum -c --quiet SHA256SUMS`, 'sh', pkg, out],
      { stdio: 'inherit' },
    );
    reference.push((performance.now() - t) / 1000);
    if (ref.status !== 0) throw new Error('unzip + sha256sum -c failed on the package');
    rmSync(out, { recursive: true, force: true });

    t = performance.now();
    const ours = spawnSync(process.execPath, ['electron/cli/attest.mjs', 'verify', pkg], {
      encoding: 'utf8',
      env: { ...process.env, ATTEST_HOME: join(root, 'home') },
    });
    attest.push((performance.now() - t) / 1000);
    if (ours.status !== 0) throw new Error(`attest verify failed: ${ours.stdout}${ours.stderr}`);
  }
  const ratio = median(attest) / median(reference);
  console.log(
    `verify a ${total / MiB} MiB package: attest ${median(attest).toFixed(2)} s, unzip + sha256sum -c ${median(reference).toFixed(2)} s, ratio ${ratio.toFixed(2)}× (budget ≤ 1.5×)`,
  );
  console.log(
    `  runs: attest ${attest.map((x) => x.toFixed(2)).join(' ')} · reference ${reference.map((x) => x.toFixed(2)).join(' ')}`,
  );
}

const load = loadavg()[0]!;
if (load >= 3 && process.env.BENCH_FORCE !== '1') {
  console.log(
    `verify: not measured — the machine is busy (load average ${load.toFixed(1)} ≥ 3), so a ratio would be noise.`,
  );
} else {
  const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'attest-bench-'));
  try {
    await main(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

import { describe, expect, it } from 'vitest';
import { bundledScript, runNode } from '../testing/spawn';
import { tempDir } from '../testing/tmp';

// `npm run test:slow`: writes and reads back 2 GiB (~20 s here), so not in every run;
// blobs.test.ts covers the rest of the blob store.
describe('the blob store, at size', () => {
  it('streams a 2 GiB file in and out with flat memory', async () => {
    const dir = tempDir();
    const size = 2 * 1024 * 1024 * 1024 + 7;
    const r = await runNode([bundledScript('electron/testing/ingest-big.ts'), dir, String(size)]);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as Record<string, number | string>;
    expect(result.size).toBe(size);
    expect(result.readBack).toBe(size);
    expect(result.readBackSha256).toBe(result.sha256);
    // Node itself takes ~40-80 MB; the file is 2 GiB.
    // The design's budget is for ingest (< 200 MB while storing 2 GiB). Reading back allocates a
    // fresh 1 MiB buffer per chunk, so its peak depends on when the GC runs (176–204 MiB seen);
    // it must still stay flat: a small fraction of the 2 GiB streamed.
    expect(result.ingestMaxRssMiB).toBeLessThan(200);
    expect(result.maxRssMiB).toBeLessThan(300);
  }, 180_000);
});

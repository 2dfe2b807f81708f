import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain ES module of the build scripts, without types.
import { buildWorkers } from './build-workers.mjs';

/**
 * Bundles the worker_threads entries once for the whole unit run, as the shipped bundles have
 * them, and points electron/platform/workers.ts at them (ATTEST_TEST_WORKER_BASE). Running each
 * worker's TypeScript under tsx instead costs about half a second per worker. The bundle sits
 * under node_modules so its packages resolve as they do for dist/.
 */
export default async function setup(): Promise<() => void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const base = join(root, 'node_modules', '.cache', `attest-test-workers-${process.pid}`);
  await buildWorkers({ root, outdir: join(base, 'workers'), target: 'node20' });
  process.env['ATTEST_TEST_WORKER_BASE'] = base;
  return () => rmSync(base, { recursive: true, force: true });
}

import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npm run test:slow`: the tests too long for every run (`*.slow.test.ts`: the 2 GiB flat-memory
 * ingest, the long SIGKILL campaign). `npm test` and CI do not run them; build/vitest.config.ts
 * excludes them.
 */
export default defineConfig({
  root,
  test: {
    include: ['shared/**/*.slow.test.ts', 'electron/**/*.slow.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One at a time: each measures memory or kills processes mid-write.
    fileParallelism: false,
  },
});

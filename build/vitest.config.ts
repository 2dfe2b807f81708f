import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Files that replace modules (vi.mock) or run in a DOM: each gets a fresh module registry.
// With modules shared, a mock would apply only if no earlier file in the worker had loaded the
// module, so whether it applied would depend on the order files are handed out.
const ISOLATED = ['renderer/**/*.test.{ts,tsx}', 'electron/main/main.wiring.test.ts'];
// *.slow.test.ts run only with `npm run test:slow` (build/vitest.slow.config.ts).
const EXCLUDE = ['**/node_modules/**', 'renderer/e2e/**', '**/*.slow.test.ts'];

export default defineConfig({
  root,
  test: {
    environment: 'node',
    globalSetup: ['build/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one file at a time on the two-core
    // machines. Much of a file's time is fsync (synchronous=FULL) and child processes, so two
    // files at once keep both cores busy (measured 97 s against 275 s on a loaded machine).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts'],
          exclude: [...EXCLUDE, ...ISOLATED],
          // The core's files share one module registry per worker: evaluating the same graph
          // (kysely, zod, pdfkit, the handlers) again for each of ~160 files cost about a third
          // of the unit run (476 s every file isolated, 341–382 s with this split, one machine).
          // Each test builds its own vault, home and runtime; every file passes in any order
          // (checked with --sequence.shuffle.files).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ISOLATED,
          exclude: EXCLUDE,
          // After the core's files, not among them: a worker that takes an isolated file is not
          // reused, so interleaving the two lost most of the sharing (411 s against 341 s).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

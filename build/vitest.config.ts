import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    // *.slow.test.ts run only with `npm run test:slow` (build/vitest.slow.config.ts).
    exclude: ['**/node_modules/**', 'renderer/e2e/**', '**/*.slow.test.ts'],
    environment: 'node',
    globalSetup: ['build/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one file at a time on the two-core
    // machines. Much of a file's time is fsync (synchronous=FULL) and child processes, so two
    // files at once keep both cores busy (measured 97 s against 275 s on a loaded machine).
    maxWorkers: 2,
  },
});

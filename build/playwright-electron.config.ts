import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke suite (electron/main/*.e2e.ts), separate from the browser end-to-end suite:
 * it launches the desktop app itself, and skips — saying why — where the Electron runtime is not
 * installed. Build first: npm run build.
 */
export default defineConfig({
  testDir: fileURLToPath(new URL('../electron/main', import.meta.url)),
  testMatch: '*.e2e.ts',
  outputDir: fileURLToPath(new URL('../test-results/electron', import.meta.url)),
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: [['list']],
});

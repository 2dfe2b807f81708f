import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * The renderer bundle. `base: './'` keeps every asset URL relative, so the same build is served
 * by the desktop app's `app://` protocol and by `attest serve`. The strict CSP (script-src 'self')
 * forbids inline scripts: Vite emits none in a production build, and the modulepreload polyfill
 * (which Chromium does not need) is left out.
 */
export default defineConfig({
  root: `${repo}renderer`,
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: `${repo}dist/renderer`,
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    // Modules run in import order across chunks too: with each page its own chunk, zod and the
    // contract's schemas landed in a shared chunk that ran before main.tsx's first import
    // (zod-jitless), so building a schema probed eval and the CSP reported it.
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
});

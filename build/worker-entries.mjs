// The worker_threads entries that ship beside a bundle: each is emitted as `workers/<name>.mjs`
// next to the bundle that spawns it (dist/cli/workers/ for the `attest` command, and
// dist/electron/workers/ for the desktop app), where electron/platform/workers.ts looks for it
// (`new URL('./workers/<name>.mjs', import.meta.url)`) before falling back to the TypeScript
// source under tsx. An entry whose source file does not exist yet is skipped.
export const WORKER_ENTRIES = [
  { name: 'requests-parse', entry: 'electron/core/requests/parse-worker.ts' },
];

export default WORKER_ENTRIES;

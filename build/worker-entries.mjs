// Every worker_threads entry the app spawns, by the name `electron/platform/workers.ts` looks
// for: bundled builds emit each to `<bundle folder>/workers/<name>.mjs`, and without one the
// source runs under tsx. Keep in step with WORKER_SOURCES there (a test compares the two).
export const WORKER_ENTRIES = [
  { name: 'requests-parse', entry: 'electron/core/requests/parse-worker.ts' },
];

export default WORKER_ENTRIES;

#!/usr/bin/env node
// The `attest` command. Runs the TypeScript sources through tsx, so `npx attest` from the
// repository always runs exactly the code that is checked out (no stale build to forget).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2));

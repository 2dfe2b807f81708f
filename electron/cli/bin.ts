// The entry of the `attest` bundle (dist/cli/attest.mjs) and of the tsx fallback: runs the
// command line and leaves the exit code for Node to use once everything has finished.
import { run } from './main';

process.exitCode = await run(process.argv.slice(2));

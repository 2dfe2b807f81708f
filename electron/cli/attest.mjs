#!/usr/bin/env node
// The `attest` command (the package's bin). Runs the bundle in dist/cli/ while it matches the
// checked-out sources, rebuilding it first when it does not, so `npx attest` from the repository
// always runs exactly the code that is checked out: see launcher.mjs.
import { launch } from './launcher.mjs';

await launch();

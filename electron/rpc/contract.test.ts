import { afterAll, beforeAll, describe, it } from 'vitest';
import { type MethodName } from '../../shared/api/index';
import { silentLogger } from '../platform/logger';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_CASES, type Harness } from './contract/index';
import { dispatch } from './dispatch';
import { createRuntime } from './runtime';

/** The same cases over each transport; adding a transport adds a block here. */
describe('the contract over direct dispatch', () => {
  let runtime: ReturnType<typeof createRuntime>;
  let harness: Harness;
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'attest-contract-'));
    runtime = createRuntime({ home, app: 'contract test', logger: silentLogger });
    harness = { home, call: (m, input) => dispatch(runtime, m, input) };
  });
  afterAll(async () => {
    await runtime.dispose();
    rmSync(home, { recursive: true, force: true });
  });

  for (const name of Object.keys(CONTRACT_CASES) as MethodName[]) {
    it(name, () => CONTRACT_CASES[name](harness));
  }
});

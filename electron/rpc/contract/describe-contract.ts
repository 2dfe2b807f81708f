import { CLI_CALLER } from '../callers';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api/index';
import { silentLogger } from '../../platform/logger';
import { connect } from '../../testing/http-client';
import { CONTRACT_CASES, type Harness } from './index';
import { dispatch } from '../dispatch';
import { type RunningHttpServer, startHttpServer } from '../http';
import { localBackend } from '../local-backend';
import { createRuntime } from '../runtime';

type Runtime = ReturnType<typeof createRuntime>;

interface Transport {
  name: string;
  connect(runtime: Runtime, home: string): Promise<{ harness: Harness; close(): Promise<void> }>;
}

/** The same cases over each transport: what passes here passes for the desktop app over IPC. */
export const TRANSPORTS = {
  direct: {
    name: 'direct dispatch',
    connect: async (runtime, home) => ({
      harness: {
        home,
        transport: 'direct',
        call: (m, input) => dispatch(runtime, m, input, CLI_CALLER),
        source: async (path) => ({ path }),
        download: async () => {
          throw new Error('direct dispatch saves to a path; nothing to download');
        },
      },
      close: async () => {},
    }),
  },
  http: {
    name: 'HTTP (attest serve)',
    connect: async (runtime, home) => {
      const server: RunningHttpServer = await startHttpServer({
        backend: localBackend(runtime),
        port: 0,
        uiDir: home,
      });
      const client = await connect(server.tokenUrl);
      return {
        harness: {
          home,
          transport: 'http',
          call: (m, input) => client.call(m, input),
          source: async (path) => {
            const res = await client.raw(`/upload?name=${encodeURIComponent(basename(path))}`, {
              method: 'POST',
              body: readFileSync(path),
            });
            return { uploadId: ((await res.json()) as { uploadId: string }).uploadId };
          },
          download: async (address) => {
            const res = await client.raw(address);
            if (res.status !== 200) throw new Error(`GET ${address}: ${res.status}`);
            expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
            return Buffer.from(await res.arrayBuffer());
          },
        },
        close: () => server.close(),
      };
    },
  },
} satisfies Record<string, Transport>;

/**
 * Every contract case over one transport. One test file per transport, so the two run side by side.
 */
export function describeContract(transport: Transport): void {
  describe(`the contract over ${transport.name}`, () => {
    let runtime: Runtime;
    let home: string;
    let harness: Harness;
    let close: () => Promise<void>;
    beforeAll(async () => {
      home = mkdtempSync(join(tmpdir(), 'attest-contract-'));
      runtime = createRuntime({ home, app: 'contract test', logger: silentLogger, uploads: true });
      ({ harness, close } = await transport.connect(runtime, home));
    });
    afterAll(async () => {
      await close();
      await runtime.dispose();
      rmSync(home, { recursive: true, force: true });
    });

    for (const name of Object.keys(CONTRACT_CASES) as MethodName[]) {
      it(name, () => CONTRACT_CASES[name](harness));
    }
  });
}

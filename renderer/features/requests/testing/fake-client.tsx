import { QueryClientProvider, notifyManager } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { HostBridge } from '../../../../shared/api/bridge';
import type {
  EventName,
  EventPayload,
  Input,
  MethodName,
  Output,
} from '../../../../shared/api/index';
import type { ApiClient } from '../../../api';
import { ApiProvider } from '../../../api/provider';
import { keepFresh } from '../../../api/queries';
import { createQueryClient } from '../../../api/query-client';
import { type AppInfo, useVault } from '../../vault/store';

type Handler<M extends MethodName> = (input: Input<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]?: Handler<M> };
type JobHandler = (input: unknown, onProgress?: (p: never) => void) => unknown;

/**
 * An API client answered by the test's own handlers, with a log of every call: hooks are
 * tested against it through the same provider and cache as the app (`keepFresh` included),
 * and `announce` plays the `vault.changed` the server would send after a change.
 */
export function fakeClient(handlers: Handlers, jobs: Record<string, JobHandler> = {}) {
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: ApiClient = {
    kind: 'browser',
    host: {} as HostBridge,
    async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      calls.push({ method, input });
      const handler = handlers[method] as Handler<M> | undefined;
      if (!handler) throw new Error(`The test did not expect a call of ${method}`);
      return handler(input);
    },
    async runJob(method, input, onProgress) {
      calls.push({ method, input });
      const job = jobs[method];
      if (!job) throw new Error(`The test did not expect the job ${method}`);
      return (await job(input, onProgress as (p: never) => void)) as never;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    pickFileSources: async () => null,
    fileSourceFor: async () => {
      throw new Error('The test has no files');
    },
    onReconnect: () => () => {},
    onWritesChange: () => () => {},
  };
  const announce = (change: EventPayload<'vault.changed'>) =>
    listeners.get('vault.changed')?.forEach((l) => l(change));
  const callsOf = (method: string) => calls.filter((c) => c.method === method);
  return { client, calls, callsOf, announce };
}

// The cache tells React of new answers on a timer: inside act(), so a test sees them in order.
notifyManager.setNotifyFunction((fn) => act(fn));

/** The provider tree of the app around a hook, over a fresh cache kept fresh by `client`. */
export function withApi(client: ApiClient) {
  const queries = createQueryClient();
  keepFresh(client, queries);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queries}>
      <ApiProvider client={client}>{children}</ApiProvider>
    </QueryClientProvider>
  );
  return { queries, wrapper };
}

/** Makes `openId` the open vault's current opening, as `app.info` would have said. */
export function openVault(openId: string, vaultId = 'vault-1'): void {
  useVault.setState({
    status: 'open',
    app: { openId } as AppInfo,
    info: { vaultId, path: `/vaults/${vaultId}.attest` } as never,
  });
}

import { QueryClientProvider } from '@tanstack/react-query';
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
import { type AppInfo, useVault } from '../store';

type Handler<M extends MethodName> = (input: Input<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]?: Handler<M> };

/**
 * An API client answered by the test's handlers, logging every call. Hooks run against it
 * through the app's own provider and cache (`keepFresh` included); `announce` plays the
 * `vault.changed` that Attest sends after a change.
 */
export function fakeApi(handlers: Handlers) {
  const calls: { method: MethodName; input: unknown }[] = [];
  const listeners = new Set<(change: EventPayload<'vault.changed'>) => void>();
  const client: ApiClient = {
    kind: 'browser',
    host: {} as HostBridge,
    async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      calls.push({ method, input });
      const handler = handlers[method] as Handler<M> | undefined;
      if (!handler) throw new Error(`The test did not expect a call of ${method}`);
      return handler(input);
    },
    runJob: () => Promise.reject(new Error('The test runs no jobs')),
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      if (event !== 'vault.changed') return () => {};
      const l = listener as (change: EventPayload<'vault.changed'>) => void;
      listeners.add(l);
      return () => listeners.delete(l);
    },
    pickFileSources: async () => null,
    fileSourceFor: () => Promise.reject(new Error('The test has no files')),
    onReconnect: () => () => {},
    onWritesChange: () => () => {},
  };
  const announce = (change: EventPayload<'vault.changed'>) => listeners.forEach((l) => l(change));
  const count = (method: MethodName) => calls.filter((c) => c.method === method).length;
  return { client, calls, count, announce };
}

/** The app's providers around a hook: a fresh cache, kept fresh by `client`'s events. */
export function withApi(client: ApiClient) {
  const queries = createQueryClient();
  keepFresh(client, queries);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider client={client}>
      <QueryClientProvider client={queries}>{children}</QueryClientProvider>
    </ApiProvider>
  );
  return { queries, wrapper };
}

/** Makes `openId` the current opening of an open vault, as `app.info` would say. */
export function openVault(openId: string): void {
  useVault.setState({
    status: 'open',
    app: { openId } as AppInfo,
    info: { vaultId: 'vault-1', path: '/vaults/a.attest' } as never,
  });
}

import { QueryClientProvider, notifyManager } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { HostBridge } from '../../../shared/api/bridge';
import type { Domain } from '../../../shared/api/domains';
import type {
  Envelope,
  EventName,
  EventPayload,
  Input,
  MethodName,
  Output,
} from '../../../shared/api/index';
import { createClient } from '../client';
import type { ApiClient } from '../index';
import { ApiProvider } from '../provider';
import { keepFresh } from '../queries';
import { createQueryClient } from '../query-client';
import type { Transport } from '../transport';
import { type AppInfo, useVault } from '../../features/vault/store';

type Handler<M extends MethodName> = (input: Input<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]?: Handler<M> };
type JobHandler = (input: unknown, onProgress?: (p: never) => void) => unknown;

/*
 * The fakes every renderer hook test uses: `fakeClient` answers calls with the test's handlers,
 * `fakeTransportClient` puts the app's real client over a fake transport (to see the client's
 * own behaviour too). Both go through the app's provider and query cache.
 */

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
  const count = (method: MethodName) => callsOf(method).length;
  return { client, calls, callsOf, count, announce };
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
  act(() =>
    useVault.setState({
      status: 'open',
      app: { openId, openVault: `/vaults/${vaultId}.attest` } as AppInfo,
    }),
  );
}

/**
 * For hook tests: a real client and query cache over a fake transport that answers with
 * `answer(method, input, openId)` for the vault opening the vault store holds. Every call is
 * recorded; `changed` announces a change as the dispatcher does; `hold` keeps answers back to
 * see what shows while they are on their way.
 */
export function fakeTransportClient(
  answer: (method: string, input: unknown, openId: string) => unknown,
) {
  const calls: string[] = [];
  const listeners = new Set<(p: unknown) => void>();
  let held: Promise<void> | null = null;
  const openId = () => {
    const id = useVault.getState().app?.openId;
    if (!id) throw new Error('no vault is open in the test');
    return id;
  };
  const transport: Transport = {
    async invoke(method: string, input: unknown) {
      calls.push(method);
      const value = answer(method, input, openId());
      if (held) await held;
      return { ok: true, value } as Envelope;
    },
    subscribe(_event, listener) {
      listeners.add(listener as (p: unknown) => void);
      return () => listeners.delete(listener as (p: unknown) => void);
    },
    onReconnect: () => () => {},
    host: { kind: 'browser' } as HostBridge,
  };
  const client = createClient(transport);
  const queries = createQueryClient();
  const stop = keepFresh(client, queries);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider client={client}>
      <QueryClientProvider client={queries}>{children}</QueryClientProvider>
    </ApiProvider>
  );
  return {
    calls,
    wrapper,
    stop,
    changed(domains: Domain[]) {
      const payload = { openId: openId(), path: '/v.attest', reason: 'updated', domains };
      act(() => listeners.forEach((l) => l(payload)));
    },
    hold() {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
  };
}

/** Back to no vault (after each test). */
export function closeVault() {
  useVault.setState({ status: 'starting', app: null });
}

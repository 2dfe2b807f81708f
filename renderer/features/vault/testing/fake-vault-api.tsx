import { QueryClientProvider } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { HostBridge } from '../../../../shared/api/bridge';
import type { Domain } from '../../../../shared/api/domains';
import type { Envelope } from '../../../../shared/api/index';
import { createClient } from '../../../api/client';
import { ApiProvider } from '../../../api/provider';
import { keepFresh } from '../../../api/queries';
import { createQueryClient } from '../../../api/query-client';
import type { Transport } from '../../../api/transport';
import { type AppInfo, useVault } from '../store';

/**
 * For hook tests: a real client and query cache over a fake transport that answers with
 * `answer(method, input, openId)` for the vault opening the vault store holds. Every call is
 * recorded; `changed` announces a change as the dispatcher does; `hold` keeps answers back to
 * see what shows while they are on their way.
 */
export function fakeVaultApi(answer: (method: string, input: unknown, openId: string) => unknown) {
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

/** Makes the vault store say that the vault opening `openId` is open. */
export function openVault(openId: string) {
  act(() =>
    useVault.setState({ status: 'open', app: { openId } as AppInfo, info: null, recent: [] }),
  );
}

/** Back to no vault (after each test). */
export function closeVault() {
  useVault.setState({ status: 'starting', app: null, info: null });
}

import type { AttestBridge } from '../../shared/api/bridge';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** The desktop preload's bridge; absent when the UI is served by `attest serve`. */
    attest?: AttestBridge;
  }
}

/** The desktop transport: everything goes through the preload's one generic bridge. */
export function ipcTransport(bridge: AttestBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (event, listener) => bridge.subscribe(event, listener),
    host: bridge.host,
    // IPC does not drop events while the window lives: nothing to catch up on.
    onReconnect: () => () => {},
  };
}

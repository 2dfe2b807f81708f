import { create } from 'zustand';
import type { Domain } from '../../../shared/api/domains';
import type { EventPayload } from '../../../shared/api/events';
import type { Input, Output } from '../../../shared/api/index';
import type { VaultInfo } from '../../../shared/api/vault';
import { api } from '../../api';

export type AppInfo = Output<'app.info'>;
export type RecentVault = Output<'vault.recent'>['items'][number];

interface VaultState {
  /** 'starting' until the first answer from Attest; then whether a vault is open. */
  status: 'starting' | 'closed' | 'open';
  app: AppInfo | null;
  info: VaultInfo | null;
  recent: RecentVault[];
  /** Reads where Attest stands (app info, the open vault if any, recent vaults). */
  start(): Promise<void>;
  /** Re-reads which vault is open (after missed events); a newer change always wins. */
  sync(): Promise<void>;
  refresh(): Promise<void>;
  loadRecent(): Promise<void>;
  create(input: Input<'vault.create'>): Promise<VaultInfo>;
  open(file: string): Promise<VaultInfo>;
  close(): Promise<void>;
  forgetRecent(path: string): Promise<void>;
  /** Another window or the server changed which vault is open. */
  onChanged(change: EventPayload<'vault.changed'>): Promise<void>;
}

/**
 * Every change of the open vault bumps this; a read that started before a newer change does
 * not overwrite it (an old "no vault" answer must not close a vault opened since).
 */
let generation = 0;

/** What the header and the vault's info show: re-read when one of these changed. */
const INFO_DOMAINS = new Set<Domain>(['vault', 'engagement', 'people']);

/** The current opening of the vault (new at every open), or null: what cached reads are keyed by. */
export const useOpenId = () =>
  useVault((s) => (s.status === 'open' ? (s.app?.openId ?? null) : null));

export const useVault = create<VaultState>()((set, get) => ({
  status: 'starting',
  app: null,
  info: null,
  recent: [],

  async start() {
    await get().sync();
    await get().loadRecent();
  },

  async sync() {
    const mine = ++generation;
    const app = await api.call('app.info', {});
    const info = app.openVault ? await api.call('vault.info', {}).catch(() => null) : null;
    if (mine !== generation) return;
    set(info ? { app, info, status: 'open' } : { app, info: null, status: 'closed' });
  },

  async refresh() {
    const mine = ++generation;
    const info = await api.call('vault.info', {});
    if (mine === generation) set({ info, status: 'open' });
  },

  async loadRecent() {
    const { items } = await api.call('vault.recent', {});
    set({ recent: items });
  },

  async create(input) {
    generation++;
    const info = await api.call('vault.create', input);
    // The new opening's id keys every cached read: know it before showing the vault.
    const app = await api.call('app.info', {});
    generation++;
    set({ app, info, status: 'open' });
    return info;
  },

  async open(file) {
    generation++;
    const info = await api.call('vault.open', { file });
    const app = await api.call('app.info', {});
    generation++;
    set({ app, info, status: 'open' });
    return info;
  },

  async close() {
    generation++;
    await api.call('vault.close', {});
    generation++;
    set({ info: null, status: 'closed' });
    await get().loadRecent();
  },

  async forgetRecent(path) {
    const { items } = await api.call('vault.forgetRecent', { path });
    set({ recent: items });
  },

  async onChanged({ reason, domains }) {
    if (reason === 'closed') {
      generation++;
      if (get().status === 'open') set({ info: null, status: 'closed' });
    } else if (reason === 'opened' || domains.some((d) => INFO_DOMAINS.has(d))) {
      await get().sync();
    }
    if (reason !== 'updated' || domains.includes('recent')) await get().loadRecent();
  },
}));

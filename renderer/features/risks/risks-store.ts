import { create } from 'zustand';
import type { Input } from '../../../shared/api/index';
import type { Risk, StarterRisk } from '../../../shared/api/risks';
import { api } from '../../api';
import { allPages } from '../../api/all-pages';

interface RisksState {
  status: 'idle' | 'loading' | 'ready';
  /** The register: risks not archived. */
  risks: Risk[];
  /** Archived risks (discarded suggestions among them), shown on request to restore them. */
  archived: Risk[];
  starters: StarterRisk[];
  assessedOn: string | null;
  load(): Promise<void>;
  create(input: Input<'risks.create'>): Promise<Risk>;
  update(id: string, patch: Input<'risks.update'>['patch']): Promise<Risk>;
  archive(id: string): Promise<void>;
  restore(id: string): Promise<Risk>;
  decideStarter(key: string, accept: boolean): Promise<Risk | null>;
  setAssessedOn(date: string | null): Promise<void>;
  reset(): void;
}

let generation = 0;

/** The risk register, the starter risks still to decide, and when the assessment was done. */
export const useRisks = create<RisksState>()((set, get) => ({
  status: 'idle',
  risks: [],
  archived: [],
  starters: [],
  assessedOn: null,

  async load() {
    const mine = ++generation;
    if (get().status === 'idle') set({ status: 'loading' });
    const all = await allPages(
      (cursor) => api.call('risks.list', { includeArchived: true, limit: 1000, cursor }),
      () => mine !== generation,
    );
    if (mine !== generation || !all) return;
    const { items, first } = all;
    const { starters, assessedOn } = first;
    set({
      status: 'ready',
      risks: items.filter((r) => !r.archived),
      archived: items.filter((r) => r.archived),
      starters,
      assessedOn,
    });
  },

  async create(input) {
    const risk = await api.call('risks.create', input);
    set((s) => ({ risks: [...s.risks, risk] }));
    return risk;
  },

  async update(id, patch) {
    const risk = await api.call('risks.update', { id, patch });
    set((s) => ({ risks: s.risks.map((r) => (r.id === id ? risk : r)) }));
    return risk;
  },

  async archive(id) {
    const risk = await api.call('risks.archive', { id, archived: true });
    set((s) => ({
      risks: s.risks.filter((r) => r.id !== id),
      archived: [...s.archived.filter((r) => r.id !== id), risk],
    }));
  },

  async restore(id) {
    const risk = await api.call('risks.archive', { id, archived: false });
    set((s) => ({
      risks: [...s.risks.filter((r) => r.id !== id), risk],
      archived: s.archived.filter((r) => r.id !== id),
    }));
    return risk;
  },

  async decideStarter(key, accept) {
    const { risk } = await api.call('risks.decideStarter', { key, accept });
    set((s) => ({
      starters: s.starters.filter((x) => x.key !== key),
      risks: risk ? [...s.risks, risk] : s.risks,
    }));
    // A discarded suggestion is kept as an archived risk: the archived list is read afresh.
    if (!risk) await get().load();
    return risk;
  },

  async setAssessedOn(date) {
    const { assessedOn } = await api.call('risks.setAssessedOn', { date });
    set({ assessedOn });
  },

  reset() {
    generation++;
    set({ status: 'idle', risks: [], archived: [], starters: [], assessedOn: null });
  },
}));

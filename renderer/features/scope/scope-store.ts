import { create } from 'zustand';
import type { Control, VaultCriterion } from '../../../shared/api/controls';
import type { SystemDescription } from '../../../shared/api/sd';
import { api } from '../../api';
import { notifyError } from '../../app/notify';
import { useVault } from '../vault/store';

interface ScopeData {
  /** In-scope criteria in catalog order; empty until the scope is first confirmed. */
  criteria: VaultCriterion[];
  /** Every control, archived ones too (they can be restored). */
  controls: Control[];
  /** The system description with archived records (they can be restored). */
  sd: SystemDescription | null;
  criteriaLoaded: boolean;
  controlsLoaded: boolean;
  loadCriteria(): Promise<void>;
  loadControls(): Promise<void>;
  loadSd(): Promise<void>;
  /** After confirming: criteria, controls and the vault's own summary all change. */
  reloadAll(): Promise<void>;
  putControl(control: Control): void;
  putCriterion(criterion: VaultCriterion): void;
  reset(): void;
}

async function allControls(): Promise<Control[]> {
  const items: Control[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.call('controls.list', { includeArchived: true, limit: 1000, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const EMPTY = {
  criteria: [],
  controls: [],
  sd: null,
  criteriaLoaded: false,
  controlsLoaded: false,
};

/** What the Scope screens show, loaded once per vault and kept in step with every change. */
export const useScope = create<ScopeData>()((set, get) => ({
  ...EMPTY,

  async loadCriteria() {
    const { items } = await api.call('criteria.list', { inScopeOnly: true });
    set({ criteria: items, criteriaLoaded: true });
  },

  async loadControls() {
    set({ controls: await allControls(), controlsLoaded: true });
  },

  async loadSd() {
    set({ sd: await api.call('sd.get', { includeArchived: true }) });
  },

  async reloadAll() {
    await Promise.all([
      get().loadCriteria(),
      get().loadControls(),
      get().loadSd(),
      useVault.getState().refresh(),
    ]);
  },

  putControl(control) {
    set((s) => {
      const known = s.controls.some((c) => c.id === control.id);
      const controls = known
        ? s.controls.map((c) => (c.id === control.id ? control : c))
        : [...s.controls, control].sort((a, b) => a.ref.localeCompare(b.ref));
      return { controls };
    });
    // A control's criteria decide which criteria are mapped; the vault's summary counts it.
    get().loadCriteria().catch(notifyError);
    useVault.getState().refresh().catch(notifyError);
  },

  putCriterion(criterion) {
    set((s) => ({ criteria: s.criteria.map((c) => (c.id === criterion.id ? criterion : c)) }));
  },

  reset: () => set(EMPTY),
}));

/** The active controls, by reference. */
export function activeControls(controls: readonly Control[]): Control[] {
  return controls.filter((c) => !c.archived);
}

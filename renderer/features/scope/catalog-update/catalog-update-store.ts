import { create } from 'zustand';
import type {
  CatalogUpdatePlan,
  CatalogUpdateResult,
  LibraryField,
} from '../../../../shared/api/catalog-update';
import { api } from '../../../api';
import { useScope } from '../scope-store';

interface CatalogUpdateState {
  plan: CatalogUpdatePlan | null;
  reviewing: boolean;
  /** Edited fields for which the user chose the library's text, by control id. */
  taken: Record<string, LibraryField[]>;
  load(): Promise<void>;
  openReview(): void;
  closeReview(): void;
  toggle(controlId: string, field: LibraryField, take: boolean): void;
  apply(): Promise<CatalogUpdateResult>;
  reset(): void;
}

/**
 * The catalog update offered for the open vault: read when the Scope screen shows, reviewed in a
 * dialog, applied only when the user says so.
 */
export const useCatalogUpdate = create<CatalogUpdateState>()((set, get) => ({
  plan: null,
  reviewing: false,
  taken: {},

  async load() {
    set({ plan: await api.call('catalog.updatePlan', {}) });
  },

  openReview() {
    set({ reviewing: true, taken: {} });
  },

  closeReview() {
    set({ reviewing: false });
  },

  toggle(controlId, field, take) {
    set((s) => {
      const current = new Set(s.taken[controlId] ?? []);
      if (take) current.add(field);
      else current.delete(field);
      return { taken: { ...s.taken, [controlId]: [...current] } };
    });
  },

  async apply() {
    const { plan, taken } = get();
    if (!plan) throw new Error('No catalog update to apply');
    const takeLibrary = Object.entries(taken)
      .filter(([, fields]) => fields.length > 0)
      .map(([controlId, fields]) => ({ controlId, fields }));
    const result = await api.call('catalog.applyUpdate', {
      toVersion: plan.buildVersion,
      takeLibrary,
    });
    set({ reviewing: false, taken: {} });
    await Promise.all([get().load(), useScope.getState().reloadAll()]);
    return result;
  },

  reset() {
    set({ plan: null, reviewing: false, taken: {} });
  },
}));

/** How many things the update touches, for the banner and the dialog's summary. */
export function countChanges(plan: CatalogUpdatePlan) {
  const edited = plan.controls.updated.reduce(
    (n, u) => n + u.changes.filter((c) => c.edited).length,
    0,
  );
  return {
    added: plan.controls.added.length,
    updated: plan.controls.updated.length,
    retired: plan.controls.retired.length,
    criteria: plan.criteria.added.length + plan.criteria.changed.length,
    edited,
  };
}

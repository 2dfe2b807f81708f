import { useCallback } from 'react';
import { create } from 'zustand';
import type {
  CatalogUpdatePlan,
  CatalogUpdateResult,
  LibraryField,
} from '../../../../shared/api/catalog-update';
import { useApi } from '../../../api/provider';
import { useVaultQuery } from '../../vault/use-vault-query';
import { useVaultInfo } from '../../vault/vault-info';

interface CatalogReviewState {
  reviewing: boolean;
  /** Edited fields for which the user chose the library's text, by control id. */
  taken: Record<string, LibraryField[]>;
  openReview(): void;
  closeReview(): void;
  toggle(controlId: string, field: LibraryField, take: boolean): void;
}

/** The review of a catalog update (UI state only: the plan itself is a cached read). */
export const useCatalogReview = create<CatalogReviewState>()((set) => ({
  reviewing: false,
  taken: {},
  openReview: () => set({ reviewing: true, taken: {} }),
  closeReview: () => set({ reviewing: false }),
  toggle(controlId, field, take) {
    set((s) => {
      const current = new Set(s.taken[controlId] ?? []);
      if (take) current.add(field);
      else current.delete(field);
      return { taken: { ...s.taken, [controlId]: [...current] } };
    });
  },
}));

/**
 * The catalog update offered for the open vault (once its scope is confirmed): re-read when the
 * engagement, its criteria or controls change, so one vault's plan never shows for another.
 */
export function useCatalogPlan(): CatalogUpdatePlan | null {
  const confirmed = useVaultInfo((i) => i.engagement.scopeConfirmedAt != null) === true;
  return useVaultQuery('catalog.updatePlan', {}, { enabled: confirmed }).data ?? null;
}

/** Applies the plan with the library's text taken where the user chose it; ends the review. */
export function useApplyCatalogUpdate(): (plan: CatalogUpdatePlan) => Promise<CatalogUpdateResult> {
  const client = useApi();
  return useCallback(
    async (plan: CatalogUpdatePlan) => {
      const { taken } = useCatalogReview.getState();
      const takeLibrary = Object.entries(taken)
        .filter(([, fields]) => fields.length > 0)
        .map(([controlId, fields]) => ({ controlId, fields }));
      const result = await client.call('catalog.applyUpdate', {
        toVersion: plan.buildVersion,
        takeLibrary,
      });
      useCatalogReview.setState({ reviewing: false, taken: {} });
      return result;
    },
    [client],
  );
}

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

import { applyCatalogUpdate } from '../../core/catalog/apply-update';
import { loadCatalog } from '../../core/catalog/catalog';
import { planCatalogUpdate } from '../../core/catalog/update-plan';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const catalogHandlers: HandlerSlice<
  'catalog.get' | 'catalog.policies' | 'catalog.updatePlan' | 'catalog.applyUpdate'
> = {
  'catalog.get': () => loadCatalog(),
  'catalog.policies': () => ({
    items: loadCatalog().policies.map(({ key, title }) => ({ key, title })),
  }),
  'catalog.updatePlan': (_input, ctx) => planCatalogUpdate(requireVault(ctx)),
  'catalog.applyUpdate': (input, ctx) => applyCatalogUpdate(requireVault(ctx), input),
};

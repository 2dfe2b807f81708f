import { applyCatalogUpdate } from '../../core/catalog/apply-update';
import { planCatalogUpdate } from '../../core/catalog/update-plan';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const catalogHandlers: HandlerSlice<'catalog.updatePlan' | 'catalog.applyUpdate'> = {
  'catalog.updatePlan': (_input, ctx) => planCatalogUpdate(requireVault(ctx)),
  'catalog.applyUpdate': (input, ctx) => applyCatalogUpdate(requireVault(ctx), input),
};

import { z } from 'zod';
import {
  applyCatalogUpdateInput,
  catalogUpdatePlanSchema,
  catalogUpdateResultSchema,
} from '../catalog-update';
import { method } from '../define';

export const catalogMethods = {
  'catalog.updatePlan': method({
    summary: 'What applying this build’s catalog would change in the vault (nothing is changed)',
    input: z.object({}).strict(),
    output: catalogUpdatePlanSchema,
    mutates: false,
  }),
  'catalog.applyUpdate': method({
    summary: 'Apply this build’s newer catalog: library text, new controls, criteria; edits kept',
    input: applyCatalogUpdateInput,
    output: catalogUpdateResultSchema,
    mutates: true,
  }),
} as const;

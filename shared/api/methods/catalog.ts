import { z } from 'zod';
import {
  applyCatalogUpdateInput,
  catalogUpdatePlanSchema,
  catalogUpdateResultSchema,
} from '../catalog-update';
import { catalogSchema } from '../../domain/catalog';
import { method } from '../define';

/** A policy template of the catalog: what a control's `policyKey` points at. */
export const policyTemplateItem = z.object({ key: z.string(), title: z.string() });
export type PolicyTemplateItem = z.infer<typeof policyTemplateItem>;

export const catalogMethods = {
  'catalog.get': method({
    summary:
      'This build’s whole catalog: the criteria with guidance, the control library and the policy templates',
    input: z.object({}).strict(),
    output: catalogSchema,
    mutates: false,
    reads: [],
  }),
  'catalog.policies': method({
    summary: 'The policy templates of this build’s catalog (key and title), in catalog order',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(policyTemplateItem) }),
    mutates: false,
    reads: [],
  }),
  'catalog.updatePlan': method({
    summary: 'What applying this build’s catalog would change in the vault (nothing is changed)',
    input: z.object({}).strict(),
    output: catalogUpdatePlanSchema,
    mutates: false,
    reads: ['engagement', 'criteria', 'controls'],
  }),
  'catalog.applyUpdate': method({
    summary: 'Apply this build’s newer catalog: library text, new controls, criteria; edits kept',
    input: applyCatalogUpdateInput,
    output: catalogUpdateResultSchema,
    mutates: true,
    touches: ['engagement', 'criteria', 'controls'],
  }),
} as const;

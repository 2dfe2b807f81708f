import { z } from 'zod';
import { idOf, text } from './text';

/**
 * The control fields a catalog update can bring: the ones the library writes when it
 * instantiates a control. People, the reference, "operating since" and everything attached to a
 * control are the vault's own and are never touched by a catalog.
 */
export const LIBRARY_FIELDS = [
  'title',
  'description',
  'domain',
  'ownerRole',
  'frequency',
  'nature',
  'type',
  'policyKey',
  'criteria',
  'testProcedure',
  'testAttributes',
  'evidenceGuidance',
] as const;
export type LibraryField = (typeof LIBRARY_FIELDS)[number];

export const LIBRARY_FIELD_LABELS: Record<LibraryField, string> = {
  title: 'Title',
  description: 'Description',
  domain: 'Domain',
  ownerRole: 'Owner role',
  frequency: 'Frequency',
  nature: 'Nature',
  type: 'Type',
  policyKey: 'Policy',
  criteria: 'Mapped criteria',
  testProcedure: 'Test procedure',
  testAttributes: 'Test attributes',
  evidenceGuidance: 'Good evidence',
};

const fieldValue = z.union([z.string(), z.array(z.string()), z.null()]);

export const controlFieldChangeSchema = z.object({
  field: z.enum(LIBRARY_FIELDS),
  /** What the vault holds now. */
  current: fieldValue,
  /** What the newer library says. */
  library: fieldValue,
  /**
   * True when someone in this vault edited the field: the edit is kept unless the user chooses
   * the library's wording for it. Unedited fields simply follow the library.
   */
  edited: z.boolean(),
});
export type ControlFieldChange = z.infer<typeof controlFieldChangeSchema>;

const controlRefSchema = z.object({ id: z.string(), ref: z.string(), title: z.string() });

export const CATALOG_UPDATE_STATUSES = [
  /** Scope not confirmed yet: confirming will use this build's catalog. */
  'not_scoped',
  'up_to_date',
  'update_available',
  /** The vault was scoped with a newer catalog than this build ships: update Attest. */
  'vault_newer',
] as const;

export const catalogUpdatePlanSchema = z.object({
  status: z.enum(CATALOG_UPDATE_STATUSES),
  vaultVersion: z.string().nullable(),
  buildVersion: z.string(),
  criteria: z.object({
    added: z.array(z.object({ id: z.string(), title: z.string(), inScope: z.boolean() })),
    /** Our titles or guidance changed; criteria are not edited in a vault, so these just follow. */
    changed: z.array(z.object({ id: z.string(), title: z.string(), fields: z.array(z.string()) })),
    /** No longer in the catalog: kept in the vault with their mappings. */
    removed: z.array(z.object({ id: z.string(), title: z.string() })),
  }),
  controls: z.object({
    /** New library controls that serve an in-scope criterion: instantiated on apply. */
    added: z.array(z.object({ ref: z.string(), title: z.string(), criteria: z.array(z.string()) })),
    /** Controls from the library whose library text changed. */
    updated: z.array(controlRefSchema.extend({ changes: z.array(controlFieldChangeSchema) })),
    /** Dropped from the library: kept, with all their work, as the vault's own controls. */
    retired: z.array(controlRefSchema),
    /**
     * Links the library now marks key or supporting differently from the vault (catalog 2026.4
     * marks supporting links for the first time). Taken on apply, except where a user set the
     * link's role (`edited`): a user's decision is kept.
     */
    roles: z.array(
      controlRefSchema.extend({
        criterionId: z.string(),
        role: z.enum(['key', 'supporting']),
        edited: z.boolean(),
      }),
    ),
  }),
});
export type CatalogUpdatePlan = z.infer<typeof catalogUpdatePlanSchema>;

export const applyCatalogUpdateInput = z
  .object({
    /** The version the user reviewed; refused if the build's catalog differs. */
    toVersion: text({ max: 40, required: 'Say which catalog version you reviewed' }),
    /** Edited fields for which the user chose the library's text over the vault's edit. */
    takeLibrary: z
      .array(
        z.object({
          controlId: idOf('ctl', 'control'),
          fields: z.array(z.enum(LIBRARY_FIELDS)).min(1),
        }),
      )
      .max(5000)
      .default([]),
  })
  .strict();
export type ApplyCatalogUpdateInput = z.input<typeof applyCatalogUpdateInput>;

export const catalogUpdateResultSchema = z.object({
  fromVersion: z.string(),
  toVersion: z.string(),
  criteriaAdded: z.number().int(),
  criteriaChanged: z.number().int(),
  controlsUpdated: z.number().int(),
  fieldsUpdated: z.number().int(),
  editsKept: z.number().int(),
  /** Links whose key / supporting mark followed the library, and links whose user-set mark stayed. */
  rolesChanged: z.number().int(),
  rolesKept: z.number().int(),
  /** References of controls instantiated, archived (descoped by a new mapping) or restored. */
  added: z.array(z.string()),
  archived: z.array(z.string()),
  restored: z.array(z.string()),
  retired: z.array(z.string()),
});
export type CatalogUpdateResult = z.infer<typeof catalogUpdateResultSchema>;

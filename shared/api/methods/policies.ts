import { z } from 'zod';
import { isoDate, pageInput, pageOf, sortOf } from '../common';
import { method } from '../define';
import { generatedFileSchema, saveToSchema } from '../files';
import {
  ackImportPreviewSchema,
  ackImportResultSchema,
  POLICY_SORT_KEYS,
  ackMappingSchema,
  acknowledgementSchema,
  approveInput,
  consistencySchema,
  controlRef,
  draftPatch,
  fromTemplateInput,
  missingAcksSchema,
  newPolicyInput,
  personRef,
  policyDiffSchema,
  policyId,
  policyPatch,
  policySchema,
  policyVersionId,
  policyVersionSchema,
  policyVersionSummarySchema,
  variableProblemSchema,
} from '../policies';
import { text } from '../text';
import { fileName, fileSource } from './blobs';

const POLICY_EXPORT_FORMATS = ['md', 'docx', 'pdf'] as const;
const ackImportFile = { versionId: policyVersionId, source: fileSource, fileName };

export const policyMethods = {
  'policies.list': method({
    summary:
      'The vault’s policies (archived ones too when asked), searched by title, sorted (by title unless asked) and paged',
    input: pageInput
      .extend({
        includeArchived: z.boolean().default(false),
        search: text({ max: 200 }).optional(),
        sort: sortOf(POLICY_SORT_KEYS).optional(),
      })
      .strict(),
    output: pageOf(policySchema),
    mutates: false,
    // The owner's name is sorted by, so people are read.
    reads: ['policies', 'controls', 'people'],
  }),
  'policies.get': method({
    summary: 'One policy with its linked controls and promises',
    input: z.object({ id: policyId }).strict(),
    output: policySchema,
    mutates: false,
    reads: ['policies', 'controls', 'people'],
  }),
  'policies.createFromTemplate': method({
    summary:
      'Write a policy from a catalog template with the engagement’s values filled in (a first draft); reports any value still to complete',
    input: fromTemplateInput,
    output: z.object({
      policy: policySchema,
      draft: policyVersionSchema,
      problems: z.array(variableProblemSchema),
    }),
    mutates: true,
    touches: ['policies', 'controls'],
  }),
  'policies.create': method({
    summary: 'Write a policy from scratch (a first draft)',
    input: newPolicyInput,
    output: z.object({ policy: policySchema, draft: policyVersionSchema }),
    mutates: true,
    touches: ['policies'],
  }),
  'policies.update': method({
    summary: 'Change a policy’s title, owner, review cycle or acknowledgement deadline',
    input: z.object({ id: policyId, patch: policyPatch }).strict(),
    output: policySchema,
    mutates: true,
    touches: ['policies'],
  }),
  'policies.archive': method({
    summary: 'Archive or restore a policy',
    input: z.object({ id: policyId, archived: z.boolean() }).strict(),
    output: policySchema,
    mutates: true,
    touches: ['policies'],
  }),
  'policies.startDraft': method({
    summary:
      'Start the next version as a draft, from the newest version’s text (an approved version never changes)',
    input: z.object({ policyId }).strict(),
    output: policyVersionSchema,
    mutates: true,
    touches: ['policies'],
  }),
  'policies.updateDraft': method({
    summary: 'Edit a draft’s text or change note; an approved version is refused',
    input: z.object({ versionId: policyVersionId, patch: draftPatch }).strict(),
    output: policyVersionSchema,
    mutates: true,
    touches: ['policies'],
  }),
  'policies.approve': method({
    summary:
      'Approve a draft: who approved it, when, from when it is in force; it can never change again',
    input: approveInput,
    output: policyVersionSchema,
    mutates: true,
    touches: ['policies'],
  }),
  'policies.versions': method({
    summary: 'A policy’s versions, newest first, with the days each approved one was in force',
    input: z.object({ policyId }).strict(),
    output: z.object({ items: z.array(policyVersionSummarySchema) }),
    mutates: false,
    reads: ['policies', 'people'],
  }),
  'policies.version': method({
    summary: 'One version with its text',
    input: z.object({ id: policyVersionId }).strict(),
    output: policyVersionSchema,
    mutates: false,
    reads: ['policies', 'people'],
  }),
  'policies.diff': method({
    summary: 'What changed between two versions of a policy, line by line and word by word',
    input: z.object({ fromVersionId: policyVersionId, toVersionId: policyVersionId }).strict(),
    output: policyDiffSchema,
    mutates: false,
    reads: ['policies'],
  }),
  'policies.inForce': method({
    summary: 'The approved version of a policy in force on a date (none before the first)',
    input: z.object({ policyId, date: isoDate }).strict(),
    output: z.object({ version: policyVersionSummarySchema.nullable() }),
    mutates: false,
    reads: ['policies'],
  }),
  'policies.setControls': method({
    summary: 'Link a policy to exactly these controls',
    input: z
      .object({ id: policyId, controlIds: z.array(controlRef).max(1000, 'Choose at most 1000') })
      .strict(),
    output: policySchema,
    mutates: true,
    touches: ['policies', 'controls'],
  }),
  'policies.acknowledge': method({
    summary: 'Record that a person acknowledged a version, and when',
    input: z
      .object({ versionId: policyVersionId, personId: personRef, acknowledgedOn: isoDate })
      .strict(),
    output: acknowledgementSchema,
    mutates: true,
    touches: ['policies'],
  }),
  'policies.acknowledgements': method({
    summary: 'Who acknowledged which version of a policy, and when',
    input: z.object({ policyId }).strict(),
    output: z.object({ items: z.array(acknowledgementSchema) }),
    mutates: false,
    reads: ['policies', 'people'],
  }),
  'policies.previewAckImport': method({
    summary:
      'Read an HR or training export (CSV or XLSX with a name or email and a date) and show which rows would be recorded; saves nothing',
    input: z.object({ ...ackImportFile, mapping: ackMappingSchema.optional() }).strict(),
    output: ackImportPreviewSchema,
    mutates: false,
    reads: [],
  }),
  'policies.importAcks': method({
    summary:
      'Record the acknowledgements of an HR or training export (a job): every matched row in one transaction; rows matching no one are returned, not guessed',
    input: z.object({ ...ackImportFile, mapping: ackMappingSchema }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: ackImportResultSchema,
    mutates: true,
    touches: ['policies'],
  }),
  'policies.missingAcks': method({
    summary:
      'Who among the current people has not acknowledged the version in force within the policy’s deadline',
    input: z.object({ policyId, asOf: isoDate.optional() }).strict(),
    output: missingAcksSchema,
    mutates: false,
    reads: ['policies', 'people', 'engagement'],
  }),
  'policies.consistency': method({
    summary:
      'Where a linked control’s frequency disagrees with what a policy promises, with the fix; and the time limits promised',
    input: z.object({ policyId: policyId.optional(), controlId: controlRef.optional() }).strict(),
    output: consistencySchema,
    mutates: false,
    reads: ['policies', 'controls'],
  }),
  'policies.export': method({
    summary:
      'Render a version as Markdown, DOCX or PDF (a job): written to `saveTo`, or a download in a browser',
    input: z
      .object({
        versionId: policyVersionId,
        format: z.enum(POLICY_EXPORT_FORMATS),
        saveTo: saveToSchema.optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: generatedFileSchema,
    mutates: false,
    reads: [],
  }),
} as const;

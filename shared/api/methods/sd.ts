import { z } from 'zod';
import { SD_TEXT_KEYS } from '../../domain/system-description';
import { isoDate } from '../common';
import { method } from '../define';
import { generatedFileSchema, saveToSchema } from '../files';
import {
  DRAFT_MAX_CHARS,
  EXPORT_FORMATS,
  componentId,
  componentInput,
  componentSchema,
  confirmableNone,
  confirmedNoneSchema,
  cuecId,
  cuecInput,
  cuecSchema,
  draftSchema,
  noneKind,
  noneStatementsSchema,
  sdDocument,
  sdEventId,
  sdEventInput,
  sdEventSchema,
  sdTextSchema,
  subserviceId,
  subserviceInput,
  subserviceSchema,
  systemDescriptionSchema,
} from '../sd';
import { fileName, fileSource, storedFileSchema } from './blobs';
import { text } from '../text';

const archiveInput = <T extends z.ZodType>(id: T) =>
  z.object({ id, archived: z.boolean() }).strict();

export const sdMethods = {
  'sd.get': method({
    summary: 'The whole system description (DC 200) with what is still missing',
    input: z.object({ includeArchived: z.boolean().default(false) }).strict(),
    output: systemDescriptionSchema,
    mutates: false,
    reads: ['sd', 'engagement', 'controls', 'criteria', 'assessments', 'people'],
  }),
  'sd.setText': method({
    summary: 'Save one free-text section: services, commitments, system requirements, boundaries',
    input: z
      .object({ key: z.enum(SD_TEXT_KEYS), content: text({ max: 50_000, multiline: true }) })
      .strict(),
    output: sdTextSchema,
    mutates: true,
    touches: ['sd'],
  }),
  'sd.saveComponent': method({
    summary: 'Add a system component (no id) or change one (DC 3)',
    input: componentInput,
    output: componentSchema,
    mutates: true,
    touches: ['sd'],
  }),
  'sd.archiveComponent': method({
    summary: 'Archive a component (kept, out of the description) or restore it',
    input: archiveInput(componentId),
    output: componentSchema,
    mutates: true,
    touches: ['sd'],
  }),
  'sd.saveSubservice': method({
    summary: 'Add a subservice organisation (no id) or change one (DC 7)',
    input: subserviceInput,
    output: subserviceSchema,
    mutates: true,
    touches: ['sd'],
  }),
  'sd.archiveSubservice': method({
    summary: 'Archive a subservice organisation or restore it',
    input: archiveInput(subserviceId),
    output: subserviceSchema,
    mutates: true,
    touches: ['sd'],
  }),
  'sd.attachSubserviceReport': method({
    summary: 'Store a subservice organisation’s SOC report in the vault and link it (a job)',
    input: z
      .object({
        id: subserviceId,
        source: fileSource,
        fileName,
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: storedFileSchema.extend({ subserviceId: z.string(), fileName: z.string() }),
    mutates: true,
    touches: ['sd', 'files'],
  }),
  'sd.saveCuec': method({
    summary: 'Add a complementary user entity control (no id) or change one (DC 6)',
    input: cuecInput,
    output: cuecSchema,
    mutates: true,
    touches: ['sd'],
  }),
  'sd.archiveCuec': method({
    summary: 'Archive a CUEC or restore it',
    input: archiveInput(cuecId),
    output: cuecSchema,
    mutates: true,
    touches: ['sd'],
  }),
  'sd.saveEvent': method({
    summary:
      'Add an incident (DC 4) or a significant change (DC 9), or change one; adding one withdraws a “none” statement of its kind',
    input: sdEventInput,
    output: sdEventSchema,
    mutates: true,
    touches: ['sd', 'engagement'],
  }),
  'sd.archiveEvent': method({
    summary: 'Archive an incident or change, or restore it',
    input: archiveInput(sdEventId),
    output: sdEventSchema,
    mutates: true,
    touches: ['sd', 'engagement'],
  }),
  'sd.setNone': method({
    summary:
      'State that there were no incidents (or significant changes) as of a date, or clear it',
    input: z.object({ kind: noneKind, asOf: isoDate.nullable() }).strict(),
    output: noneStatementsSchema,
    mutates: true,
    touches: ['sd', 'engagement'],
  }),
  'sd.confirmNone': method({
    summary:
      'State that the system relies on no subservice organisations, expects no CUECs, or that every criterion applies (or withdraw it)',
    input: z.object({ kind: confirmableNone, confirmed: z.boolean() }).strict(),
    output: confirmedNoneSchema,
    mutates: true,
    touches: ['sd'],
  }),
  'sd.draft': method({
    summary: 'The description or management assertion draft: the saved edit, else generated',
    input: z.object({ document: sdDocument }).strict(),
    output: draftSchema,
    mutates: false,
    reads: ['sd', 'engagement', 'controls', 'criteria', 'assessments', 'people'],
  }),
  'sd.saveDraft': method({
    summary: 'Save an edited draft as Markdown, or discard the edit (null) to go back to generated',
    input: z
      .object({
        document: sdDocument,
        markdown: text({ max: DRAFT_MAX_CHARS, multiline: true, keepSpaces: true }).nullable(),
      })
      .strict(),
    output: draftSchema,
    mutates: true,
    touches: ['sd'],
  }),
  'sd.export': method({
    summary:
      'Render a draft as Markdown, DOCX or PDF (a job): written to `saveTo`, or a download in a browser',
    input: z
      .object({
        document: sdDocument,
        format: z.enum(EXPORT_FORMATS),
        saveTo: saveToSchema.optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: generatedFileSchema,
    mutates: false,
    reads: [],
  }),
} as const;

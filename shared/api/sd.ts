import { z } from 'zod';
import { REPORT_TYPES } from '../domain/engagement';
import {
  COMPONENT_KINDS,
  CONFIRMABLE_NONE,
  EXCEPTIONS_ASSESSMENTS,
  NONE_KINDS,
  REPORT_OPINIONS,
  SD_DOCUMENTS,
  SD_EVENT_KINDS,
  SD_SECTIONS,
  SD_TEXT_KEYS,
  SUBSERVICE_METHODS,
} from '../domain/system-description';
import { isoDate, isoInstant } from './common';
import { controlId, criterionIdSchema } from './controls';
import { evidenceId } from './evidence';
import { idOf, text, vetted } from './text';
import { isIsoDate } from '../domain/dates';

/** The system description (DC 200) as it crosses the contract. */

/** Free text of the description: it may have lines. */
const prose = (max: number) => text({ max, multiline: true });
const name = (what: string) => text({ max: 300, required: `Give the ${what} a name` });

export const componentId = idOf('sdc', 'component');
export const subserviceId = idOf('sso', 'subservice organisation');
export const cuecId = idOf('cue', 'CUEC');
export const sdEventId = idOf('sde', 'incident or change');

/** Criterion ids, each once; `required` says what to do when the list is empty. */
const criterionList = (required?: string) =>
  z
    .array(criterionIdSchema)
    .min(required ? 1 : 0, { message: required ?? '' })
    .max(61)
    .transform((ids) => [...new Set(ids)]);

const record = {
  archived: z.boolean(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
};

// --- components (DC 3) -----------------------------------------------------------------------

export const componentInput = z
  .object({
    id: componentId.optional(),
    kind: z.enum(COMPONENT_KINDS),
    name: name('component'),
    description: prose(5000).default(''),
  })
  .strict();
export const componentSchema = z.object({
  id: z.string(),
  kind: z.enum(COMPONENT_KINDS),
  name: z.string(),
  description: z.string(),
  ...record,
});
export type SdComponent = z.infer<typeof componentSchema>;

// --- subservice organisations (DC 7) ---------------------------------------------------------

export const csocSchema = z.object({
  description: text({
    max: 2000,
    multiline: true,
    required: 'Describe the control assumed at the organisation',
  }),
  criteria: criterionList('Name the criteria this control supports'),
});
export const vendorCuecSchema = z.object({
  description: text({
    max: 2000,
    multiline: true,
    required: 'Describe what the organisation expects of us',
  }),
  controlIds: z
    .array(controlId)
    .max(50)
    .transform((ids) => [...new Set(ids)]),
});

/** A date of the letter: ISO, with what to give when it is left empty or mistyped. */
const letterDate = (message: string) => vetted(z.string().refine(isIsoDate, { message }));

/**
 * The bridge letter obtained from the organisation: when it arrived and the stretch of our period
 * it covers (from the day after their report ends), optionally the evidence item that holds it.
 */
export const bridgeLetterSchema = z
  .object({
    receivedOn: letterDate('Give the day the letter arrived'),
    periodStart: letterDate('Give the first day the letter covers'),
    periodEnd: letterDate('Give the last day the letter covers'),
    evidenceId: evidenceId.nullable().default(null),
    note: prose(2000).default(''),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.periodEnd < b.periodStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: 'The letter’s period must end on or after it starts',
      });
    }
  });

/**
 * The organisation's own SOC report. A Type I report has only `periodEnd` (its as-of date); a
 * Type II report covers `periodStart`–`periodEnd`. Every field may stay empty until it arrives.
 */
export const subserviceReportSchema = z
  .object({
    type: z.enum(REPORT_TYPES).nullable().default(null),
    periodStart: isoDate.nullable().default(null),
    periodEnd: isoDate.nullable().default(null),
    opinion: z.enum(REPORT_OPINIONS).nullable().default(null),
    exceptions: prose(5000).default(''),
    /** Whether we weighed the exceptions: none noted, assessed (with a conclusion), or not yet. */
    exceptionsAssessment: z.enum(EXCEPTIONS_ASSESSMENTS).default('not_assessed'),
    exceptionsConclusion: prose(5000).default(''),
    reviewedOn: isoDate.nullable().default(null),
    /** What a bridge letter must cover: the stretch of our period the report does not reach. */
    bridgeGap: prose(2000).default(''),
    /** The bridge letter obtained, or null while none is. */
    bridgeLetter: bridgeLetterSchema.nullable().default(null),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.type === 'type1' && r.periodStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodStart'],
        message: 'A Type I report has an as-of date only; put it in the period end',
      });
    }
    if (r.periodStart && r.periodEnd && r.periodEnd <= r.periodStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: 'The report period must end after it starts',
      });
    }
    if (r.exceptionsAssessment === 'none_noted' && r.exceptions.trim() !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['exceptionsAssessment'],
        message:
          'Exceptions are listed above: assess them, or clear the list if the report notes none',
      });
    }
    if (r.exceptionsAssessment === 'assessed' && r.exceptionsConclusion.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['exceptionsConclusion'],
        message: 'Write the conclusion: how the exceptions affect our controls, or why they do not',
      });
    }
  });

export const subserviceInput = z
  .object({
    id: subserviceId.optional(),
    name: name('subservice organisation'),
    services: prose(5000).default(''),
    method: z.enum(SUBSERVICE_METHODS),
    criteria: criterionList(),
    csocs: z.array(csocSchema).max(100).default([]),
    vendorCuecs: z.array(vendorCuecSchema).max(100).default([]),
    report: subserviceReportSchema.default(subserviceReportSchema.parse({})),
    monitoringControlId: controlId.nullable().default(null),
  })
  .strict();
export type SubserviceInput = z.input<typeof subserviceInput>;
export type SubserviceValues = z.output<typeof subserviceInput>;

export const subserviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  services: z.string(),
  method: z.enum(SUBSERVICE_METHODS),
  criteria: z.array(z.string()),
  csocs: z.array(z.object({ description: z.string(), criteria: z.array(z.string()) })),
  vendorCuecs: z.array(z.object({ description: z.string(), controlIds: z.array(z.string()) })),
  report: z.object({
    type: z.enum(REPORT_TYPES).nullable(),
    periodStart: isoDate.nullable(),
    periodEnd: isoDate.nullable(),
    opinion: z.enum(REPORT_OPINIONS).nullable(),
    exceptions: z.string(),
    exceptionsAssessment: z.enum(EXCEPTIONS_ASSESSMENTS),
    exceptionsConclusion: z.string(),
    reviewedOn: isoDate.nullable(),
    bridgeGap: z.string(),
    bridgeLetter: z
      .object({
        receivedOn: isoDate,
        periodStart: isoDate,
        periodEnd: isoDate,
        evidenceId: z.string().nullable(),
        note: z.string(),
      })
      .nullable(),
  }),
  /** The report file in the vault's blob store (`GET /blob/<id>`, `app://blob/<id>`). */
  reportFile: z.object({ blobId: z.number().int(), fileName: z.string() }).nullable(),
  monitoringControlId: z.string().nullable(),
  ...record,
});
export type Subservice = z.infer<typeof subserviceSchema>;

// --- CUECs (DC 6) ----------------------------------------------------------------------------

export const cuecInput = z
  .object({
    id: cuecId.optional(),
    description: text({
      max: 2000,
      multiline: true,
      required: 'Describe the control expected of customers',
    }),
    criteria: criterionList('Name the criteria this control supports'),
  })
  .strict();
export const cuecSchema = z.object({
  id: z.string(),
  description: z.string(),
  criteria: z.array(z.string()),
  ...record,
});
export type Cuec = z.infer<typeof cuecSchema>;

// --- incidents (DC 4) and significant changes (DC 9) -----------------------------------------

export const sdEventInput = z
  .object({
    id: sdEventId.optional(),
    kind: z.enum(SD_EVENT_KINDS),
    date: isoDate,
    title: text({ max: 300, required: 'Give it a short title' }),
    description: prose(5000).default(''),
    effect: prose(5000).default(''),
    disposition: prose(5000).default(''),
  })
  .strict();
export const sdEventSchema = z.object({
  id: z.string(),
  kind: z.enum(SD_EVENT_KINDS),
  date: isoDate,
  title: z.string(),
  description: z.string(),
  effect: z.string(),
  disposition: z.string(),
  ...record,
});
export type SdEvent = z.infer<typeof sdEventSchema>;

// --- the whole description -------------------------------------------------------------------

export const noneStatementsSchema = z.object({
  incidents: isoDate.nullable(),
  changes: isoDate.nullable(),
});

/** DC 6, 7, 8: the date "there are none" was confirmed, or null while it is not. */
export const confirmedNoneSchema = z.object(
  Object.fromEntries(CONFIRMABLE_NONE.map((k) => [k, isoDate.nullable()])) as Record<
    (typeof CONFIRMABLE_NONE)[number],
    z.ZodNullable<typeof isoDate>
  >,
);

export const completenessSchema = z.object({
  complete: z.boolean(),
  sections: z.array(
    z.object({
      section: z.enum(SD_SECTIONS),
      dc: z.string(),
      title: z.string(),
      status: z.enum(['complete', 'incomplete', 'not_applicable']),
      problems: z.array(z.string()),
    }),
  ),
});

const byKind = <T extends z.ZodType>(item: T) =>
  z.object(
    Object.fromEntries(COMPONENT_KINDS.map((k) => [k, z.array(item)])) as Record<
      (typeof COMPONENT_KINDS)[number],
      z.ZodArray<T>
    >,
  );

export const systemDescriptionSchema = z.object({
  texts: z.object(
    Object.fromEntries(SD_TEXT_KEYS.map((k) => [k, z.string()])) as Record<
      (typeof SD_TEXT_KEYS)[number],
      z.ZodString
    >,
  ),
  components: byKind(componentSchema),
  subservices: z.array(subserviceSchema),
  cuecs: z.array(cuecSchema),
  incidents: z.array(sdEventSchema),
  changes: z.array(sdEventSchema),
  /** DC 4 / DC 9: the dated "none" statements, from the engagement. */
  none: noneStatementsSchema,
  /** DC 6, 7, 8: explicit "none" answers; without one an empty list is unanswered. */
  confirmedNone: confirmedNoneSchema,
  completeness: completenessSchema,
});
export type SystemDescription = z.infer<typeof systemDescriptionSchema>;

export const sdTextSchema = z.object({
  key: z.enum(SD_TEXT_KEYS),
  content: z.string(),
  updatedAt: isoInstant.nullable(),
});

// --- drafts and exports ----------------------------------------------------------------------

export const sdDocument = z.enum(SD_DOCUMENTS);
export const noneKind = z.enum(NONE_KINDS);
export const confirmableNone = z.enum(CONFIRMABLE_NONE);

/** Edited drafts can be long (the controls table alone runs to pages), but not unbounded. */
export const DRAFT_MAX_CHARS = 500_000;

export const draftSchema = z.object({
  document: sdDocument,
  markdown: z.string(),
  /** The instant of the latest change to the answers this text was generated from. */
  generatedFrom: isoInstant,
  /** True when this is the user's saved text rather than the generated draft. */
  edited: z.boolean(),
  /** For an edited draft: the answers changed after it was saved, so it may be out of date. */
  answersChangedSince: z.boolean(),
});
export type Draft = z.infer<typeof draftSchema>;

export const EXPORT_FORMATS = ['md', 'docx', 'pdf'] as const;

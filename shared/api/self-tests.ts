import { z } from 'zod';
import { isoDate, isoInstant } from './common';
import { controlId } from './controls';
import { evidenceId } from './evidence';
import { saveToSchema } from './files';
import { idOf, text } from './text';

/**
 * Management self-testing (T, issue 18): a control tested on a sample drawn from its population
 * or its occurrence windows, an attribute grid, and the deviations it finds. Always labelled
 * "management self-test — your auditor selects its own items".
 */
export const SELF_TEST_LABEL = 'Management self-test — your auditor selects its own items';

export const selfTestId = idOf('tst', 'self-test');
export const testItemId = idOf('tsi', 'sampled item');
export const testAttributeId = idOf('tsa', 'test attribute');
export const deviationId = idOf('dev', 'deviation');

export const SELECTION_METHODS = ['random', 'systematic'] as const;
export const CELL_RESULTS = ['pass', 'fail', 'na'] as const;
export type CellResult = (typeof CELL_RESULTS)[number];
export const DEVIATION_EXTENTS = ['isolated', 'systematic'] as const;
export type DeviationExtent = (typeof DEVIATION_EXTENTS)[number];
export const TEST_KINDS = ['sample', 'test_all', 'walkthrough', 'automated'] as const;

const sizeRange = z.object({ min: z.number().int(), max: z.number().int() });

/** What the table says for a control before drawing (and what a draw will use). */
export const samplePlanSchema = z.object({
  controlId: z.string(),
  drawFrom: z.enum(['population', 'occurrences']),
  /** The population drawn from (the newest current one linked to the control, or the one given). */
  populationId: z.string().nullable(),
  /** Items eligible: population rows not dated outside its window, or counted windows. */
  populationSize: z.number().int().nullable(),
  mode: z.enum(['walkthrough', 'automated', 'sample', 'test_all', 'none', 'needs_population']),
  size: z.number().int(),
  range: sizeRange.nullable(),
  basis: z.string(),
  tableName: z.string(),
  /** Where the sample-size guidance comes from: shown with every size. */
  guidanceSource: z.string(),
  /** The population has no completeness and accuracy evidence linked: the sample is flagged. */
  completenessMissing: z.boolean(),
  period: z.object({ start: isoDate, end: isoDate }),
  notes: z.array(z.string()),
});
export type SamplePlan = z.infer<typeof samplePlanSchema>;

export const planInput = z
  .object({
    controlId,
    /** Draw from this population; by default the newest current population linked to it. */
    populationId: evidenceId.optional(),
    /** Draw from the control's occurrence windows even when a population is linked. */
    fromOccurrences: z.boolean().default(false),
    /** The top of the table's range (more reliance, higher risk) instead of the low end. */
    level: z.enum(['low', 'high']).default('low'),
    /** A re-test after remediation covers the rest of the period: from this date. */
    from: isoDate.optional(),
  })
  .strict();

export const drawInput = planInput
  .extend({
    method: z.enum(SELECTION_METHODS).default('random'),
    /** The seed to record (random, and a systematic start drawn from it); one is made if absent. */
    seed: text({ max: 100 }).optional(),
    /** A systematic start chosen by the user (an index below the interval). */
    start: z.number().int().min(0).max(100_000).optional(),
    /** A size other than the table's (at least 1, at most the population). */
    size: z.number().int().min(1).max(1000).optional(),
    /** The test this one repeats (after remediation): the old one stays as it was. */
    retestOfId: selfTestId.optional(),
  })
  .strict();

export const testItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  /** 0: drawn; 1 and up: added by an expansion. */
  round: z.number().int(),
  sourceIndex: z.number().int(),
  /** The row number in the population file; null for a window. */
  sourceRow: z.number().int().nullable(),
  label: z.string(),
  date: isoDate.nullable(),
  /** The row's cells by header, or the window as { start, end }. */
  data: z.record(z.string(), z.string()),
});

export const testAttributeSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  text: z.string(),
});

export const testCellSchema = z.object({
  itemId: z.string(),
  attributeId: z.string(),
  result: z.enum(CELL_RESULTS),
  note: z.string(),
  evidenceId: z.string().nullable(),
  updatedAt: isoInstant,
});

export const deviationSchema = z.object({
  id: z.string(),
  ref: z.string(),
  testId: z.string(),
  testRef: z.string(),
  controlId: z.string(),
  itemId: z.string(),
  itemLabel: z.string(),
  attributeId: z.string(),
  attribute: z.string(),
  occurredOn: isoDate.nullable(),
  /** How many sampled items failed this attribute, of how many tested. */
  failedOf: z.object({ failed: z.number().int(), of: z.number().int() }),
  extent: z.enum(DEVIATION_EXTENTS),
  compensatingControl: z.string(),
  rootCause: z.string(),
  remediation: z.string(),
  remediatedOn: isoDate.nullable(),
  managementResponse: z.string(),
  /** A deviation awaits management's response until one is written (a response never closes it). */
  responseMissing: z.boolean(),
  /**
   * Whether it counts in the report: every deviation dated inside the period does, remediated or
   * not; one found before the period and remediated by its start does not.
   */
  reportable: z.boolean(),
  withdrawn: z.object({ reason: z.string(), at: isoInstant }).nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Deviation = z.infer<typeof deviationSchema>;

export const selfTestSummarySchema = z.object({
  id: z.string(),
  ref: z.string(),
  controlId: z.string(),
  controlRef: z.string(),
  kind: z.enum(TEST_KINDS),
  drawFrom: z.enum(['population', 'occurrences']),
  populationId: z.string().nullable(),
  method: z.enum(SELECTION_METHODS),
  seed: z.string(),
  start: z.number().int().nullable(),
  period: z.object({ start: isoDate, end: isoDate }),
  drawnBy: z.string(),
  drawnAt: isoInstant,
  populationSize: z.number().int(),
  sampleSize: z.number().int(),
  /** Items with every attribute answered. */
  itemsTested: z.number().int(),
  deviations: z.number().int(),
  /** "Self-test: N deviations in M items" — never the auditor's "no exceptions noted". */
  result: z.string(),
  /** Flags a screen shows beside the result. */
  completenessMissing: z.boolean(),
  populationChanged: z.string().nullable(),
  retestOfId: z.string().nullable(),
  /** A later test of the same control that repeats this one. */
  retestedById: z.string().nullable(),
  label: z.literal(SELF_TEST_LABEL),
});
export type SelfTestSummary = z.infer<typeof selfTestSummarySchema>;

export const selfTestDetailSchema = selfTestSummarySchema.extend({
  plannedSize: z.number().int(),
  sizeBasis: z.string(),
  sizeTable: z.object({ name: z.string(), source: z.string() }),
  populationSha256: z.string().nullable(),
  items: z.array(testItemSchema),
  attributes: z.array(testAttributeSchema),
  cells: z.array(testCellSchema),
  deviationList: z.array(deviationSchema),
  /** Whether the sample may be expanded now (after a deviation), and to how many. */
  expansion: z.object({
    allowed: z.boolean(),
    to: z.number().int().nullable(),
    reason: z.string(),
  }),
});
export type SelfTestDetail = z.infer<typeof selfTestDetailSchema>;

export const attributesInput = z
  .object({
    id: selfTestId,
    attributes: z
      .array(
        z
          .object({
            /** An attribute already in the test (kept, maybe reworded), or absent for a new one. */
            id: testAttributeId.optional(),
            text: text({ max: 500, required: 'Write the attribute, or remove it' }),
          })
          .strict(),
      )
      .min(1, { message: 'Keep at least one attribute to test' })
      .max(20),
  })
  .strict();

export const setCellInput = z
  .object({
    testId: selfTestId,
    itemId: testItemId,
    attributeId: testAttributeId,
    result: z.enum(CELL_RESULTS),
    note: text({ max: 2000, multiline: true }).default(''),
    evidenceId: evidenceId.nullable().default(null),
    /**
     * Changing a failed cell withdraws its deviation: say why (it was entered in error). A
     * deviation is never erased; the withdrawal is kept with its reason.
     */
    correction: text({ max: 2000, multiline: true }).optional(),
  })
  .strict();

export const setCellResultSchema = z.object({
  cell: testCellSchema,
  /** The deviation this failure became (new or existing), or null. */
  deviation: deviationSchema.nullable(),
  test: selfTestSummarySchema,
});

const prose = text({ max: 5000, multiline: true });
export const deviationPatch = z
  .object({
    occurredOn: isoDate.nullable(),
    extent: z.enum(DEVIATION_EXTENTS),
    compensatingControl: prose,
    rootCause: prose,
    remediation: prose,
    remediatedOn: isoDate.nullable(),
    managementResponse: prose,
  })
  .partial()
  .strict();

export const sizeTableViewSchema = z.object({
  /** The table as JSON (the importable format). */
  table: z.unknown(),
  isDefault: z.boolean(),
  name: z.string(),
  source: z.string(),
});

export const worksheetInput = z
  .object({ id: selfTestId, saveTo: saveToSchema.optional() })
  .strict();

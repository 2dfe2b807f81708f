import { z } from 'zod';
import { controlId } from '../controls';
import { method } from '../define';
import { generatedFileSchema, saveToSchema } from '../files';
import {
  TASK_SORT_KEYS,
  TASK_STATUSES,
  newTaskInput,
  taskPatch,
  taskProposalSchema,
  taskSchema,
} from '../tasks';
import { pageInput, pageOf, sortOf } from '../common';
import { idOf, text } from '../text';

const taskId = idOf('tsk', 'task');

export const taskMethods = {
  'tasks.list': method({
    summary:
      'Remediation tasks, filtered, sorted and paged (by reference unless asked; archived tasks only when asked)',
    input: pageInput
      .extend({
        status: z.enum(TASK_STATUSES).optional(),
        ownerId: idOf('per', 'person').optional(),
        /** Only tasks nobody owns (the table's "No owner"). */
        unowned: z.boolean().default(false),
        overdueOnly: z.boolean().default(false),
        controlId: controlId.optional(),
        search: text({ max: 200 }).optional(),
        includeArchived: z.boolean().default(false),
        sort: sortOf(TASK_SORT_KEYS).optional(),
      })
      .strict(),
    output: pageOf(taskSchema),
    mutates: false,
    reads: ['tasks'],
  }),
  'tasks.create': method({
    summary: 'Add a free-standing task',
    input: newTaskInput,
    output: taskSchema,
    mutates: true,
    touches: ['tasks'],
  }),
  'tasks.update': method({
    summary: 'Edit a task',
    input: z.object({ id: taskId, patch: taskPatch }).strict(),
    output: taskSchema,
    mutates: true,
    touches: ['tasks'],
  }),
  'tasks.move': method({
    summary: 'Move a task on the board: to a column, before another task or at the end',
    input: z
      .object({
        id: taskId,
        status: z.enum(TASK_STATUSES),
        beforeId: taskId.nullable().default(null),
      })
      .strict(),
    output: taskSchema,
    mutates: true,
    touches: ['tasks'],
  }),
  'tasks.archive': method({
    summary: 'Archive or restore a task',
    input: z.object({ id: taskId, archived: z.boolean() }).strict(),
    output: taskSchema,
    mutates: true,
    touches: ['tasks'],
  }),
  'tasks.proposals': method({
    summary: 'One proposed task per partial or not-implemented control without one',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(taskProposalSchema) }),
    mutates: false,
    // Proposals are the gaps without a task: they follow from everything coverage does — the
    // criteria in scope, the engagement's period, carve-outs (sd), reviewed evidence — not only
    // from assessments.
    reads: [
      'tasks',
      'assessments',
      'controls',
      'criteria',
      'risks',
      'engagement',
      'sd',
      'evidence',
      'selfTests',
    ],
  }),
  'tasks.decideProposal': method({
    summary: 'Accept a proposed task (optionally edited) or dismiss it',
    input: z.object({ controlId, accept: z.boolean(), edits: taskPatch.optional() }).strict(),
    output: z.object({ task: taskSchema.nullable() }),
    mutates: true,
    touches: ['tasks'],
  }),
  'tasks.acceptProposals': method({
    summary:
      'Accept several proposed tasks as proposed, in one transaction (all or nothing); answers the tasks in the order given',
    input: z
      .object({
        controlIds: z
          .array(controlId)
          .min(1, { message: 'Choose at least one proposed task' })
          .max(1000)
          .superRefine((ids, ctx) => {
            const seen = new Set<string>();
            ids.forEach((id, i) => {
              if (seen.has(id))
                ctx.addIssue({ code: 'custom', path: [i], message: 'Listed twice' });
              seen.add(id);
            });
          }),
      })
      .strict(),
    output: z.object({ items: z.array(taskSchema) }),
    mutates: true,
    touches: ['tasks'],
  }),
  'tasks.export': method({
    summary:
      'The remediation plan as CSV or XLSX (a job): written to `saveTo` (desktop, CLI) or offered as a download (browser); never stored in the vault',
    input: z.object({ format: z.enum(['csv', 'xlsx']), saveTo: saveToSchema.optional() }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: generatedFileSchema,
    mutates: false,
    reads: [],
  }),
} as const;

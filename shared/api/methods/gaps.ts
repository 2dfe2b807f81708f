import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '../../domain/coverage';
import { controlId } from '../controls';
import { method } from '../define';
import {
  assessInput,
  assessmentSchema,
  criterionCoverageSchema,
  gapSchema,
  gapSummarySchema,
} from '../gaps';
import { isoDate } from '../common';
import { RISK_CATEGORIES, newRiskInput, riskPatch, riskSchema, starterRiskSchema } from '../risks';
import { TASK_STATUSES, newTaskInput, taskPatch, taskProposalSchema, taskSchema } from '../tasks';

const riskId = z.string().regex(/^rsk_[a-z0-9]+$/, { message: 'Not a risk id' });
const taskId = z.string().regex(/^tsk_[a-z0-9]+$/, { message: 'Not a task id' });

export const gapMethods = {
  'assessments.list': method({
    summary: 'Every control’s assessment with progress counts and warnings',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(assessmentSchema), summary: gapSummarySchema }),
    mutates: false,
  }),
  'assessments.set': method({
    summary: 'Assess one control (not applicable needs a reason)',
    input: assessInput,
    output: assessmentSchema,
    mutates: true,
  }),
  'assessments.setMany': method({
    summary: 'Give several controls the same status at once (all or nothing)',
    input: z
      .object({
        controlIds: z.array(controlId).min(1).max(1000),
        status: z.enum(ASSESSMENT_STATUSES),
        naReason: z.string().trim().max(2000).nullable().default(null),
      })
      .strict()
      .refine((v) => v.status !== 'not_applicable' || !!v.naReason, {
        path: ['naReason'],
        message: 'Say why the controls do not apply',
      }),
    output: z.object({ items: z.array(assessmentSchema) }),
    mutates: true,
  }),
  'coverage.get': method({
    summary: 'Coverage of every in-scope criterion and the gaps ordered by severity',
    input: z.object({}).strict(),
    output: z.object({ criteria: z.array(criterionCoverageSchema), gaps: z.array(gapSchema) }),
    mutates: false,
  }),
  'risks.list': method({
    summary:
      'The risk register (archived risks too when asked), the starter risks still to decide, and the assessment date',
    input: z.object({ includeArchived: z.boolean().default(false) }).strict(),
    output: z.object({
      items: z.array(riskSchema),
      starters: z.array(starterRiskSchema),
      assessedOn: isoDate.nullable(),
    }),
    mutates: false,
  }),
  'risks.create': method({
    summary: 'Add a risk',
    input: newRiskInput,
    output: riskSchema,
    mutates: true,
  }),
  'risks.update': method({
    summary: 'Edit a risk',
    input: z.object({ id: riskId, patch: riskPatch }).strict(),
    output: riskSchema,
    mutates: true,
  }),
  'risks.archive': method({
    summary: 'Archive or restore a risk',
    input: z.object({ id: riskId, archived: z.boolean() }).strict(),
    output: riskSchema,
    mutates: true,
  }),
  'risks.decideStarter': method({
    summary: 'Accept a starter risk into the register, or discard it',
    input: z.object({ key: z.string().min(1).max(100), accept: z.boolean() }).strict(),
    output: z.object({ risk: riskSchema.nullable() }),
    mutates: true,
  }),
  'risks.setAssessedOn': method({
    summary: 'Record when the risk assessment was performed',
    input: z.object({ date: isoDate.nullable() }).strict(),
    output: z.object({ assessedOn: isoDate.nullable() }),
    mutates: true,
  }),
  'tasks.list': method({
    summary: 'Remediation tasks, filtered (archived tasks only when asked)',
    input: z
      .object({
        status: z.enum(TASK_STATUSES).optional(),
        ownerId: z.string().optional(),
        overdueOnly: z.boolean().default(false),
        controlId: controlId.optional(),
        includeArchived: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ items: z.array(taskSchema) }),
    mutates: false,
  }),
  'tasks.create': method({
    summary: 'Add a free-standing task',
    input: newTaskInput,
    output: taskSchema,
    mutates: true,
  }),
  'tasks.update': method({
    summary: 'Edit a task',
    input: z.object({ id: taskId, patch: taskPatch }).strict(),
    output: taskSchema,
    mutates: true,
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
  }),
  'tasks.archive': method({
    summary: 'Archive or restore a task',
    input: z.object({ id: taskId, archived: z.boolean() }).strict(),
    output: taskSchema,
    mutates: true,
  }),
  'tasks.proposals': method({
    summary: 'One proposed task per partial or not-implemented control without one',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(taskProposalSchema) }),
    mutates: false,
  }),
  'tasks.decideProposal': method({
    summary: 'Accept a proposed task (optionally edited) or dismiss it',
    input: z.object({ controlId, accept: z.boolean(), edits: taskPatch.optional() }).strict(),
    output: z.object({ task: taskSchema.nullable() }),
    mutates: true,
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
  }),
  'tasks.export': method({
    summary: 'The remediation plan as CSV or XLSX (a job; the file is stored in the vault)',
    input: z.object({ format: z.enum(['csv', 'xlsx']) }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: z.object({
      blobId: z.number().int(),
      fileName: z.string(),
      size: z.number().int(),
      sha256: z.string(),
    }),
    mutates: true,
  }),
} as const;

export { RISK_CATEGORIES };

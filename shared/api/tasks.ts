import { z } from 'zod';
import { isoDate, isoInstant } from './common';
import { idOf, text } from './text';

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
export const TASK_PRIORITIES = ['high', 'medium', 'low'] as const;
/** What `tasks.list` orders by: the reference (T-2 before T-10) unless asked. */
export const TASK_SORT_KEYS = ['ref', 'title', 'status', 'priority', 'dueOn', 'owner'] as const;
const personRef = idOf('per', 'person');

export const taskSchema = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  dueOn: isoDate.nullable(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  controlIds: z.array(z.string()),
  fromGapControlId: z.string().nullable(),
  boardOrder: z.number(),
  completedOn: isoDate.nullable(),
  overdue: z.boolean(),
  archived: z.boolean(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Task = z.infer<typeof taskSchema>;

export const taskFields = z.object({
  title: text({ max: 300, required: 'Give the task a title' }),
  description: text({ max: 10_000, multiline: true }),
  ownerId: personRef.nullable(),
  dueOn: isoDate.nullable(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  controlIds: z.array(idOf('ctl', 'control')).max(200),
});
export const newTaskInput = taskFields.partial().required({ title: true }).strict();
export const taskPatch = taskFields.partial().strict();

/** A task the plan proposes for a gap: accept (optionally edited) or dismiss. */
export const taskProposalSchema = z.object({
  controlId: z.string(),
  ref: z.string(),
  title: z.string(),
  description: z.string(),
  suggestedOwnerId: z.string().nullable(),
  priority: z.enum(TASK_PRIORITIES),
  gapStatus: z.enum(['partial', 'not_implemented']),
});
export type TaskProposal = z.infer<typeof taskProposalSchema>;

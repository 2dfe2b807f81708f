import type { Input } from '../../../shared/api/index';
import type { ValidationIssue } from '../../../shared/api/errors';
import { checkFormWith, formFieldErrors } from '../../components/field-errors';
import { type Task, type TaskProposal, newTaskInput } from '../../../shared/api/tasks';

export type TaskFormValues = {
  title: string;
  description: string;
  ownerId: string | null;
  dueOn: string;
  priority: Task['priority'];
  status: Task['status'];
  controlIds: string[];
};

export type TaskField = keyof TaskFormValues;
export type TaskErrors = Partial<Record<TaskField, string>>;

/** Words for each field, for the Undo toast ("Title saved"). */
export const TASK_FIELD_LABEL: Record<TaskField, string> = {
  title: 'Title',
  description: 'Description',
  ownerId: 'Owner',
  dueOn: 'Due date',
  priority: 'Priority',
  status: 'Status',
  controlIds: 'Controls',
};

export const NEW_TASK: TaskFormValues = {
  title: '',
  description: '',
  ownerId: null,
  dueOn: '',
  priority: 'medium',
  status: 'todo',
  controlIds: [],
};

export function taskToForm(task: Task): TaskFormValues {
  return {
    title: task.title,
    description: task.description,
    ownerId: task.ownerId,
    dueOn: task.dueOn ?? '',
    priority: task.priority,
    status: task.status,
    controlIds: task.controlIds,
  };
}

export function proposalToForm(p: TaskProposal): TaskFormValues {
  return {
    ...NEW_TASK,
    title: p.title,
    description: p.description,
    ownerId: p.suggestedOwnerId,
    priority: p.priority,
    controlIds: [p.controlId],
  };
}

export function formToInput(values: TaskFormValues): Input<'tasks.create'> {
  return { ...values, dueOn: values.dueOn || null };
}

/** Only what the user changed in a proposal, as the edits to accept it with. */
export function proposalEdits(
  p: TaskProposal,
  values: TaskFormValues,
): Input<'tasks.decideProposal'>['edits'] {
  const base = proposalToForm(p);
  const edits: NonNullable<Input<'tasks.decideProposal'>['edits']> = {};
  if (values.title !== base.title) edits.title = values.title;
  if (values.description !== base.description) edits.description = values.description;
  if (values.ownerId !== base.ownerId) edits.ownerId = values.ownerId;
  if (values.dueOn) edits.dueOn = values.dueOn;
  if (values.priority !== base.priority) edits.priority = values.priority;
  return edits;
}

const FIELDS = Object.keys(NEW_TASK) as TaskField[];

/** Field problems from the contract's own words (so the form says what Attest would). */
export function issuesToErrors(issues: readonly ValidationIssue[]): TaskErrors {
  return formFieldErrors(FIELDS, issues);
}

/** Checked with the contract's own schema before asking Attest, which checks again. */
export function checkTask(values: TaskFormValues): TaskErrors {
  return checkFormWith(newTaskInput, formToInput(values), FIELDS);
}

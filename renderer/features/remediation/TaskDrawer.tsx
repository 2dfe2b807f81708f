import { Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Input } from '../../../shared/api/index';
import {
  TASK_PRIORITIES,
  TASK_STATUSES,
  type Task,
  type TaskProposal,
  newTaskInput,
  taskPatch,
} from '../../../shared/api/tasks';
import { notifyError, notifySuccess } from '../../app/notify';
import { ControlsMultiSelect } from '../../components/ControlsMultiSelect';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { PersonSelect } from '../../components/PersonSelect';
import { SideDrawer } from '../../components/SideDrawer';
import { useAutosaveForm } from '../../components/form/use-autosave-form';
import { useGaps } from '../gaps/gaps-store';
import { usePeople } from '../people/people-store';
import { PRIORITY_LABEL, TASK_STATUS_LABEL } from './labels';
import {
  NEW_TASK,
  TASK_FIELD_LABEL,
  type TaskField,
  type TaskFormValues,
  formToInput,
  proposalEdits,
  proposalToForm,
  taskToForm,
} from './task-form';
import { useTaskActions } from './task-queries';
import { HistorySection } from '../history/RecordHistory';

export type TaskDrawerSubject =
  { kind: 'new' } | { kind: 'edit'; task: Task } | { kind: 'proposal'; proposal: TaskProposal };

const TITLES = { new: 'New task', edit: 'Edit task', proposal: 'Accept proposed task' };
const DRAFT_WHAT = {
  new: 'this new task',
  edit: 'this task',
  proposal: 'your changes to this proposal',
};

/** A task beside the board or table: a new one, an existing one, or a proposal to accept. */
export function TaskDrawer(props: { subject: TaskDrawerSubject | null; onClose(): void }) {
  const subject = props.subject;
  const [draftPending, setDraftPending] = useState(false);
  const onDraft = useCallback((pending: boolean) => setDraftPending(pending), []);
  const key =
    subject?.kind === 'edit'
      ? subject.task.id
      : subject?.kind === 'proposal'
        ? subject.proposal.controlId
        : 'new';
  return (
    <SideDrawer
      opened={subject !== null}
      onClose={props.onClose}
      draft={{
        pending: subject !== null && subject.kind !== 'edit' && draftPending,
        what: DRAFT_WHAT[subject?.kind ?? 'new'],
      }}
      size={540}
      title={
        subject?.kind === 'edit' ? (
          <>
            <span className="attest-mono">{subject.task.ref}</span> {TITLES.edit}
          </>
        ) : (
          TITLES[subject?.kind ?? 'new']
        )
      }
      data-testid="task-drawer"
    >
      {subject && <TaskForm key={key} subject={subject} onDone={props.onClose} onDraft={onDraft} />}
    </SideDrawer>
  );
}

function initial(subject: TaskDrawerSubject): TaskFormValues {
  if (subject.kind === 'edit') return taskToForm(subject.task);
  if (subject.kind === 'proposal') return proposalToForm(subject.proposal);
  return NEW_TASK;
}

/**
 * A task's fields, saved as they are changed (UX.md's one save model). A new task, or a proposal
 * being accepted, exists from its button (its first valid save); an existing task saves each
 * field on its own, and leaving (Esc, Done, another page) sends what is still waiting.
 */
function TaskForm({
  subject,
  onDone,
  onDraft,
}: {
  subject: TaskDrawerSubject;
  onDone(): void;
  onDraft(pending: boolean): void;
}) {
  const people = usePeople((s) => s.items);
  const controls = useGaps((s) => s.controls);
  const actions = useTaskActions();
  const [busy, setBusy] = useState(false);
  const [values0] = useState(() => initial(subject));
  const idRef = useRef(subject.kind === 'edit' ? subject.task.id : null);

  const createRun = async (input: unknown): Promise<Task> => {
    if (subject.kind !== 'proposal') return actions.create(input as Input<'tasks.create'>);
    const task = await actions.decide(
      subject.proposal.controlId,
      true,
      proposalEdits(subject.proposal, form.getValues()),
    );
    if (!task) throw new Error('Accepting a proposal made no task');
    return task;
  };

  const { form, field, values, counter, created, createNow, draftPending, adopt, flush } =
    useAutosaveForm<TaskFormValues, Task>({
      values: values0,
      patchSchema: taskPatch,
      labels: TASK_FIELD_LABEL,
      toInput: (name, value) => (name === 'dueOn' ? value || null : value),
      saveField: (name, value) => actions.update(idRef.current!, { [name]: value }),
      create:
        subject.kind === 'edit'
          ? undefined
          : { schema: newTaskInput, toInput: formToInput, run: createRun },
      onSaved: (task, how) => {
        idRef.current = task.id;
        if (how === 'updated') adopt(taskToForm(task));
        else {
          notifySuccess(`Added ${task.ref} to the plan.`);
          onDone();
        }
      },
    });
  // Before the next event, not after paint: an Esc pressed right after typing must already ask.
  useLayoutEffect(() => onDraft(draftPending), [onDraft, draftPending]);

  const choose = <K extends TaskField>(name: K, value: TaskFormValues[K]) =>
    field(name).onChange(value);

  const textField = (name: 'title' | 'description') => ({
    ...field(name),
    description: counter(name),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    if (created) {
      await flush();
      onDone();
    } else await createNow();
    setBusy(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Title" {...textField('title')} required data-autofocus />
        <Textarea
          label="Description"
          {...textField('description')}
          autosize
          minRows={3}
          maxRows={10}
        />
        <SimpleGrid cols={2}>
          <PersonSelect
            label="Owner"
            people={people}
            value={values.ownerId}
            onChange={(id) => choose('ownerId', id)}
            error={form.errors.ownerId}
          />
          <DateField
            label="Due"
            value={values.dueOn}
            onChange={(iso) => choose('dueOn', iso)}
            error={form.errors.dueOn}
            description={
              subject.kind === 'edit' && subject.task.overdue ? (
                <Text span size="xs" c="var(--mantine-color-error)">
                  Overdue: the due date has passed
                </Text>
              ) : undefined
            }
          />
          <Select
            label="Priority"
            data={TASK_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))}
            value={values.priority}
            onChange={(v) => v && choose('priority', v as Task['priority'])}
            allowDeselect={false}
            error={form.errors.priority}
          />
          {subject.kind !== 'proposal' && (
            <Select
              label="Status"
              data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABEL[s] }))}
              value={values.status}
              onChange={(v) => v && choose('status', v as Task['status'])}
              allowDeselect={false}
              error={form.errors.status}
            />
          )}
        </SimpleGrid>
        {subject.kind !== 'proposal' && (
          <ControlsMultiSelect
            label="Controls"
            controls={controls}
            value={values.controlIds}
            onChange={(ids) => choose('controlIds', ids)}
            error={form.errors.controlIds}
          />
        )}
        <FormActions
          submitLabel={created ? 'Done' : subject.kind === 'proposal' ? 'Accept task' : 'Add task'}
          busy={busy}
          onCancel={created ? undefined : onDone}
          submitTestId="task-save"
          archive={
            subject.kind === 'edit'
              ? {
                  question: 'Archive this task?',
                  explanation: 'It leaves the plan, and stays in the vault and its audit log.',
                  onConfirm: () =>
                    actions.archive(subject.task.id).then(() => {
                      notifySuccess(`${subject.task.ref} archived.`);
                      onDone();
                    }, notifyError),
                }
              : undefined
          }
        />
        {subject.kind === 'edit' && <HistorySection id={subject.task.id} />}
      </Stack>
    </form>
  );
}

import {
  Button,
  Drawer,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Text,
  Textarea,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import {
  TASK_PRIORITIES,
  TASK_STATUSES,
  type Task,
  type TaskProposal,
} from '../../../shared/api/tasks';
import { toApiCallError } from '../../api';
import { notifyError, notifySuccess } from '../../app/notify';
import { InlineConfirm } from '../../components/InlineConfirm';
import { PersonSelect } from '../../components/PersonSelect';
import { useGaps } from '../gaps/gaps-store';
import { usePeople } from '../gaps/people-store';
import { PRIORITY_LABEL, TASK_STATUS_LABEL } from './labels';
import {
  NEW_TASK,
  type TaskErrors,
  type TaskFormValues,
  checkTask,
  formToInput,
  issuesToErrors,
  proposalEdits,
  proposalToForm,
  taskToForm,
} from './task-form';
import { useTasks } from './tasks-store';

export type TaskDrawerSubject =
  { kind: 'new' } | { kind: 'edit'; task: Task } | { kind: 'proposal'; proposal: TaskProposal };

const TITLES = { new: 'New task', edit: 'Edit task', proposal: 'Accept proposed task' };

/** A task beside the board or table: a new one, an existing one, or a proposal to accept. */
export function TaskDrawer(props: { subject: TaskDrawerSubject | null; onClose(): void }) {
  const subject = props.subject;
  const key =
    subject?.kind === 'edit'
      ? subject.task.id
      : subject?.kind === 'proposal'
        ? subject.proposal.controlId
        : 'new';
  return (
    <Drawer
      opened={subject !== null}
      onClose={props.onClose}
      position="right"
      // A light veil: the list stays readable beside the panel, so the user keeps their place.
      overlayProps={{ backgroundOpacity: 0.12 }}
      closeButtonProps={{ 'aria-label': 'Close' }}
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
      {subject && <TaskForm key={key} subject={subject} onDone={props.onClose} />}
    </Drawer>
  );
}

function initial(subject: TaskDrawerSubject): TaskFormValues {
  if (subject.kind === 'edit') return taskToForm(subject.task);
  if (subject.kind === 'proposal') return proposalToForm(subject.proposal);
  return NEW_TASK;
}

function TaskForm({ subject, onDone }: { subject: TaskDrawerSubject; onDone(): void }) {
  const people = usePeople((s) => s.people);
  const controls = useGaps((s) => s.controls);
  const [values, setValues] = useState<TaskFormValues>(() => initial(subject));
  const [errors, setErrors] = useState<TaskErrors>({});
  const [busy, setBusy] = useState(false);
  const controlOptions = useMemo(
    () => controls.map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` })),
    [controls],
  );
  const set = <K extends keyof TaskFormValues>(key: K, value: TaskFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function save(): Promise<string> {
    const store = useTasks.getState();
    if (subject.kind === 'edit') {
      await store.update(subject.task.id, formToInput(values));
      return 'Task saved.';
    }
    if (subject.kind === 'proposal') {
      const task = await store.decide(
        subject.proposal.controlId,
        true,
        proposalEdits(subject.proposal, values),
      );
      return `Added ${task?.ref ?? 'the task'} to the plan.`;
    }
    const task = await store.create(formToInput(values));
    return `Added ${task.ref} to the plan.`;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = checkTask(values);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      notifySuccess(await save());
      onDone();
    } catch (err) {
      const error = toApiCallError(err);
      const fields = issuesToErrors(error.issues);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Title"
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
        />
        <Textarea
          label="Description"
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={3}
          maxRows={10}
        />
        <SimpleGrid cols={2}>
          <PersonSelect
            label="Owner"
            people={people}
            value={values.ownerId}
            onChange={(id) => set('ownerId', id)}
            error={errors.ownerId}
          />
          <TextInput
            type="date"
            label="Due"
            description={
              subject.kind === 'edit' && subject.task.overdue ? (
                <Text span size="xs" c="var(--mantine-color-error)">
                  Overdue: the due date has passed
                </Text>
              ) : undefined
            }
            value={values.dueOn}
            onChange={(e) => set('dueOn', e.currentTarget.value)}
            error={errors.dueOn}
          />
          <Select
            label="Priority"
            data={TASK_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))}
            value={values.priority}
            onChange={(v) => v && set('priority', v as Task['priority'])}
            allowDeselect={false}
            error={errors.priority}
          />
          {subject.kind !== 'proposal' && (
            <Select
              label="Status"
              data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABEL[s] }))}
              value={values.status}
              onChange={(v) => v && set('status', v as Task['status'])}
              allowDeselect={false}
              error={errors.status}
            />
          )}
        </SimpleGrid>
        {subject.kind !== 'proposal' && (
          <MultiSelect
            label="Controls"
            data={controlOptions}
            value={values.controlIds}
            onChange={(ids) => set('controlIds', ids)}
            error={errors.controlIds}
            searchable
            clearable
            hidePickedOptions
            placeholder={values.controlIds.length ? undefined : 'Search controls'}
          />
        )}
        <Group justify="space-between" mt="sm" wrap="wrap">
          {subject.kind === 'edit' ? (
            <InlineConfirm
              label="Archive"
              question="Archive this task?"
              explanation="It leaves the plan, and stays in the vault and its audit log."
              onConfirm={() =>
                useTasks
                  .getState()
                  .archive(subject.task.id)
                  .then(() => {
                    notifySuccess(`${subject.task.ref} archived.`);
                    onDone();
                  }, notifyError)
              }
            />
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} data-testid="task-save">
              {subject.kind === 'edit'
                ? 'Save task'
                : subject.kind === 'proposal'
                  ? 'Accept task'
                  : 'Add task'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

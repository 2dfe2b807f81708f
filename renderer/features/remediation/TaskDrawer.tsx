import { Select, SimpleGrid, Stack, TextInput, Text, Textarea } from '@mantine/core';
import {
  TASK_PRIORITIES,
  TASK_STATUSES,
  type Task,
  type TaskProposal,
} from '../../../shared/api/tasks';
import { notifyError, notifySuccess } from '../../app/notify';
import { ControlsMultiSelect } from '../../components/ControlsMultiSelect';
import { FormActions } from '../../components/FormActions';
import { PersonSelect } from '../../components/PersonSelect';
import { SideDrawer } from '../../components/SideDrawer';
import { useRecordForm } from '../../components/useRecordForm';
import { useGaps } from '../gaps/gaps-store';
import { usePeople } from '../people/people-store';
import { PRIORITY_LABEL, TASK_STATUS_LABEL } from './labels';
import {
  NEW_TASK,
  type TaskFormValues,
  checkTask,
  formToInput,
  issuesToErrors,
  proposalEdits,
  proposalToForm,
  taskToForm,
} from './task-form';
import { useTaskActions } from './task-queries';

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
    <SideDrawer
      opened={subject !== null}
      onClose={props.onClose}
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
    </SideDrawer>
  );
}

function initial(subject: TaskDrawerSubject): TaskFormValues {
  if (subject.kind === 'edit') return taskToForm(subject.task);
  if (subject.kind === 'proposal') return proposalToForm(subject.proposal);
  return NEW_TASK;
}

function TaskForm({ subject, onDone }: { subject: TaskDrawerSubject; onDone(): void }) {
  const people = usePeople((s) => s.items);
  const controls = useGaps((s) => s.controls);
  const actions = useTaskActions();
  const { values, errors, busy, set, text, submit } = useRecordForm({
    initial: () => initial(subject),
    check: checkTask,
    errorsFrom: issuesToErrors,
    async save(v) {
      if (subject.kind === 'edit') {
        await actions.update(subject.task.id, formToInput(v));
        return 'Task saved.';
      }
      if (subject.kind === 'proposal') {
        const task = await actions.decide(
          subject.proposal.controlId,
          true,
          proposalEdits(subject.proposal, v),
        );
        return `Added ${task?.ref ?? 'the task'} to the plan.`;
      }
      const task = await actions.create(formToInput(v));
      return `Added ${task.ref} to the plan.`;
    },
    onDone,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Title" {...text('title')} required data-autofocus />
        <Textarea label="Description" {...text('description')} autosize minRows={3} maxRows={10} />
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
            {...text('dueOn')}
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
          <ControlsMultiSelect
            label="Controls"
            controls={controls}
            value={values.controlIds}
            onChange={(ids) => set('controlIds', ids)}
            error={errors.controlIds}
          />
        )}
        <FormActions
          submitLabel={
            subject.kind === 'edit'
              ? 'Save task'
              : subject.kind === 'proposal'
                ? 'Accept task'
                : 'Add task'
          }
          busy={busy}
          onCancel={onDone}
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
      </Stack>
    </form>
  );
}

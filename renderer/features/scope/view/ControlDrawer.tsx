import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { ControlPolicyFindings } from '../../policies/ControlPolicyFindings';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Control } from '../../../../shared/api/controls';
import { notifyError, notifySuccess } from '../../../app/notify';
import { useContractErrors } from '../forms/use-contract-errors';
import { useFieldAutosave } from '../forms/use-field-autosave';
import { useArchiveControl, useCreateControl, useUpdateControl } from '../control-actions';
import { useScopeControls } from '../scope-queries';
import { ControlFields } from './ControlFields';
import { ControlEvidence } from '../../evidence/LinkedEvidence';
import { ControlTesting } from './ControlTesting';
import { SelfTestLine } from '../../testing/SelfTestLine';
import {
  type ControlField,
  type ControlValues,
  createInput,
  patchOf,
  valuesOf,
} from './control-form';
import { RefTitle } from '../../../components/RefTitle';
import { SideDrawer } from '../../../components/SideDrawer';
import { HistorySection } from '../../history/RecordHistory';

/** An existing control: every field saved as it is edited; archive or restore. */
function EditControl({ control }: { control: Control }) {
  const [values, setValues] = useState<ControlValues>(() => valuesOf(control));
  const { errors, capture, clear } = useContractErrors();
  const updateControl = useUpdateControl();
  const archiveControl = useArchiveControl();
  const { schedule } = useFieldAutosave<ControlField>(async (field, next) => {
    try {
      await updateControl(control.id, patchOf(field, next as ControlValues));
      clear(field);
    } catch (e) {
      capture(e, { field, strip: ['patch'] });
    }
  });

  const archive = async (archived: boolean) => {
    try {
      await archiveControl(control.id, archived);
      notifySuccess(
        archived
          ? `Archived ${control.ref}. Its work is kept; restore it at any time.`
          : `Restored ${control.ref}.`,
      );
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="xl" pt="xs" data-testid="control-form">
      {control.archived && (
        <Alert color="gray" variant="light" title="Archived">
          {control.archivedReason === 'descoped'
            ? 'Re-scoping archived it: none of its criteria is in scope. It returns, with its work, if they come back.'
            : 'Archived by hand: it is out of every list and count, with its work kept.'}
        </Alert>
      )}
      <ControlPolicyFindings controlId={control.id} />
      <SelfTestLine controlId={control.id} />
      <ControlFields
        values={values}
        errors={errors}
        source={control.source}
        onChange={(field, value, now) => {
          const next = { ...values, [field]: value };
          setValues(next);
          schedule(field, next, now);
        }}
      />
      <ControlTesting control={control} />
      <ControlEvidence control={control} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {control.source === 'library'
            ? `From the control library (${control.libraryRef}). Changes are saved as you make them.`
            : 'A custom control. Changes are saved as you make them.'}
        </Text>
        {control.archived ? (
          <Button
            variant="default"
            leftSection={<IconArchiveOff size={16} />}
            onClick={() => void archive(false)}
          >
            Restore
          </Button>
        ) : (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconArchive size={16} />}
            onClick={() => void archive(true)}
          >
            Archive
          </Button>
        )}
      </Group>
      <HistorySection id={control.id} />
    </Stack>
  );
}

/** A custom control: title and at least one in-scope criterion; errors under their fields. */
function NewControl(props: {
  criteria: string[];
  onCreated(control: Control): void;
  onCancel(): void;
}) {
  const [values, setValues] = useState<ControlValues>(() => ({
    ...valuesOf(),
    criteria: props.criteria,
  }));
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useContractErrors();
  const createControl = useCreateControl();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await createControl(createInput(values));
      notifySuccess(`Added ${created.ref} ${created.title}.`);
      props.onCreated(created);
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="new-control-form">
      <Stack gap="xl" pt="xs">
        {errors[''] && (
          <Alert color="red" variant="light">
            {errors['']}
          </Alert>
        )}
        <ControlFields
          values={values}
          errors={errors}
          source="custom"
          onChange={(field, value) => {
            setValues((v) => ({ ...v, [field]: value }));
            clear(field);
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Add control
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The control drawer: a control's details, or a new custom control. */
export function ControlDrawer(props: {
  /** 'new', a control's id, or null when closed. */
  target: string | null;
  onTarget(target: string | null): void;
  /** For a new control: the criteria it starts mapped to. */
  criteria?: string[];
}) {
  const { controls } = useScopeControls();
  const control = controls.find((c) => c.id === props.target) ?? null;
  const isNew = props.target === 'new';
  const opened = isNew || control !== null;
  return (
    <SideDrawer
      opened={opened}
      onClose={() => props.onTarget(null)}
      size={640}
      title={
        isNew ? (
          <Text span fw={600} size="lg">
            New custom control
          </Text>
        ) : control ? (
          <RefTitle reference={control.ref} title={control.title} />
        ) : (
          <Text span fw={600} size="lg">
            Control
          </Text>
        )
      }
    >
      {isNew ? (
        <NewControl
          criteria={props.criteria ?? []}
          onCreated={(c) => props.onTarget(c.id)}
          onCancel={() => props.onTarget(null)}
        />
      ) : control ? (
        <EditControl key={control.id} control={control} />
      ) : null}
    </SideDrawer>
  );
}

import { Alert, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Subservice } from '../../../../shared/api/sd';
import { toApiCallError } from '../../../api';
import { useApi } from '../../../api/provider';
import { notifyError, notifySuccess } from '../../../app/notify';
import { type FieldErrors, fieldErrorsFrom } from '../../../components/field-errors';
import { useFieldAutosave } from '../forms/use-field-autosave';
import { usePutSubservice, useSystemDescription } from '../scope-queries';
import {
  CsocFields,
  FormSection,
  MonitoringField,
  OrganisationFields,
  type Update,
  VendorCuecFields,
} from './SubserviceFields';
import { SubserviceReport } from './SubserviceReport';
import { errorsOnFormRows, toInput, valuesFrom, type SubserviceValues } from './subservice-form';
import { useArchiveSdRecord } from './sd-save';
import { SideDrawer } from '../../../components/SideDrawer';
import { HistorySection } from '../../history/RecordHistory';

/** Validation issues of a save, on the rows the user sees; other failures are notified. */
function errorsOf(e: unknown, rows: ReturnType<typeof toInput>['rows']): FieldErrors | null {
  const error = toApiCallError(e);
  if (error.code !== 'validation') {
    notifyError(error);
    return null;
  }
  const byField = fieldErrorsFrom(error.issues);
  return Object.keys(byField).length > 0 ? errorsOnFormRows(byField, rows) : { '': error.message };
}

function SubserviceForm(props: {
  org: Subservice | null;
  onCreated(org: Subservice): void;
  onClose(): void;
}) {
  const { org } = props;
  const [values, setValues] = useState<SubserviceValues>(() => valuesFrom(org ?? undefined));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const client = useApi();
  const putSubservice = usePutSubservice();
  const archiveSdRecord = useArchiveSdRecord();

  // An existing organisation is saved whole, as it is edited.
  const { schedule } = useFieldAutosave<'org'>(async (_field, next) => {
    if (!org) return;
    const { input, rows } = toInput(next as SubserviceValues, org.id);
    try {
      await client.call('sd.saveSubservice', input);
      setErrors({});
    } catch (e) {
      const found = errorsOf(e, rows);
      if (found) setErrors(found);
    }
  });

  const update: Update = (change, now = false) => {
    const next = change(values);
    setValues(next);
    if (org) schedule('org', next, now);
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const { input, rows } = toInput(values);
    setBusy(true);
    try {
      const created = await client.call('sd.saveSubservice', input);
      notifySuccess(`Added ${created.name}.`);
      // Its drawer opens on it at once, before the re-read that the change triggers.
      putSubservice(created);
      props.onCreated(created);
    } catch (e) {
      const found = errorsOf(e, rows);
      if (found) setErrors(found);
    } finally {
      setBusy(false);
    }
  };

  const fields = { values, errors, update };
  return (
    <form onSubmit={create} noValidate data-testid="subservice-form">
      <Stack gap="xl">
        {errors[''] && (
          <Alert color="red" variant="light" title="This could not be saved">
            {errors['']}
          </Alert>
        )}
        <OrganisationFields {...fields} />
        <Divider />
        <CsocFields {...fields} />
        <Divider />
        <VendorCuecFields {...fields} />
        <Divider />
        <FormSection title="Monitoring">
          <MonitoringField {...fields} />
        </FormSection>
        <Divider />
        <SubserviceReport {...fields} saved={org} />
        {org ? (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Changes are saved as you make them.
            </Text>
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconArchive size={16} />}
              onClick={() => {
                void archiveSdRecord('sd.archiveSubservice', org.id, true, org.name);
                props.onClose();
              }}
            >
              Archive
            </Button>
          </Group>
        ) : (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Add organisation
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Adds a subservice organisation, or shows and changes one (saved as it is edited). */
export function SubserviceDrawer(props: {
  /** 'new', an organisation's id, or null when closed. */
  target: string | null;
  onTarget(target: string | null): void;
}) {
  const org = useSystemDescription()?.subservices.find((o) => o.id === props.target) ?? null;
  const opened = props.target === 'new' || org !== null;
  return (
    <SideDrawer
      opened={opened}
      onClose={() => props.onTarget(null)}
      size={620}
      title={
        props.target === 'new'
          ? 'New subservice organisation'
          : (org?.name ?? 'Subservice organisation')
      }
      overlayProps={{ backgroundOpacity: 0.2 }}
      closeButtonProps={{ 'aria-label': 'Close' }}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened && (
        <SubserviceForm
          key={org?.id ?? 'new'}
          org={org}
          onCreated={(created) => props.onTarget(created.id)}
          onClose={() => props.onTarget(null)}
        />
      )}
      {org && <HistorySection id={org.id} mt="xl" />}
    </SideDrawer>
  );
}

import { Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type Subservice, type SubserviceInput, subserviceInput } from '../../../../shared/api/sd';
import { useApi } from '../../../api/provider';
import { notifySuccess } from '../../../app/notify';
import type { FieldErrors } from '../../../components/field-errors';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
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
import {
  type RowIndex,
  errorsOnFormRows,
  toInput,
  valuesFrom,
  type SubserviceValues,
} from './subservice-form';
import { useArchiveSdRecord } from './sd-save';
import { SideDrawer } from '../../../components/SideDrawer';
import { HistorySection } from '../../history/RecordHistory';

const LABELS: Record<keyof SubserviceValues, string> = {
  name: 'Name',
  services: 'Services',
  method: 'How it is presented',
  criteria: 'Criteria',
  csocs: 'Controls at the organisation',
  vendorCuecs: 'Your controls over the organisation',
  report: 'Their report',
  monitoringControlId: 'Monitoring',
};

/**
 * Each field as the contract takes it is checked before it is sent (a row's problem on its
 * row); the whole record is the call (`sd.saveSubservice`).
 */
const FIELDS = subserviceInput.omit({ id: true });

/** The contract's value of one field of the form (blank rows dropped, empty dates null). */
const inputOf = (values: SubserviceValues) => toInput(values).input as Required<SubserviceInput>;

function SubserviceForm(props: {
  org: Subservice | null;
  onCreated(org: Subservice): void;
  onClose(): void;
}) {
  const { org } = props;
  const [initial] = useState<SubserviceValues>(() => valuesFrom(org ?? undefined));
  const client = useApi();
  const putSubservice = usePutSubservice();
  const archiveSdRecord = useArchiveSdRecord();
  /** The organisation as Attest last answered: a field's save sends it with that one field. */
  const answered = useRef<SubserviceValues>(initial);
  const id = useRef(org?.id ?? null);
  /** Where the rows last sent sit in the form (blank rows are not sent). */
  const rows = useRef<RowIndex>({ csocs: [], vendorCuecs: [] });
  useEffect(() => {
    if (org) answered.current = valuesFrom(org);
  }, [org]);

  const { form, values, change, createNow } = useAutosaveForm<SubserviceValues, Subservice>({
    values: initial,
    patchSchema: FIELDS,
    labels: LABELS,
    toInput: (name, value): unknown => {
      const next: SubserviceValues = { ...(form.getValues() as SubserviceValues), [name]: value };
      rows.current = toInput(next).rows;
      return inputOf(next)[name];
    },
    errorPath: (path) => Object.keys(errorsOnFormRows({ [path]: '' }, rows.current))[0]!,
    saveField: (name, value) =>
      client.call('sd.saveSubservice', {
        ...inputOf(answered.current),
        id: id.current!,
        [name]: value,
      }),
    // A new organisation exists from its Add; an existing one saves field by field.
    ...(org
      ? {}
      : {
          create: {
            schema: subserviceInput,
            toInput: (v) => {
              const built = toInput(v);
              rows.current = built.rows;
              return built.input;
            },
            run: (input) => client.call('sd.saveSubservice', input as SubserviceInput),
          },
        }),
    onSaved: (saved, how) => {
      answered.current = valuesFrom(saved);
      if (how !== 'created') return;
      id.current = saved.id;
      notifySuccess(`Added ${saved.name}.`);
      // Its drawer opens on it at once, before the re-read that the change triggers.
      putSubservice(saved);
      props.onCreated(saved);
    },
  });

  // Typing waits for a pause; a choice, a row added or removed, saves at once (`now`).
  const update: Update = (edit, now = false) => {
    const current = form.getValues();
    const next = edit(current);
    for (const name of Object.keys(next) as (keyof SubserviceValues)[]) {
      if (next[name] !== current[name]) change(name, next[name], now);
    }
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void createNow();
  };

  const fields = { values, errors: form.errors as FieldErrors, update };
  return (
    <form onSubmit={create} noValidate data-testid="subservice-form">
      <Stack gap="xl">
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
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit">Add organisation</Button>
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

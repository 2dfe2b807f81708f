import { Button, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useRef, useState } from 'react';
import type { Input } from '../../../../shared/api/index';
import type { SdComponent } from '../../../../shared/api/sd';
import {
  COMPONENT_KIND_LABELS,
  type ComponentKind,
} from '../../../../shared/domain/system-description';
import { useApi } from '../../../api/provider';
import { RecordList } from '../../../components/RecordList';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { useArchiveSdRecord } from './sd-save';
import { componentInput } from '../../../../shared/api/sd';

export const COMPONENT_KIND_HELP: Record<ComponentKind, string> = {
  infrastructure: 'Hosting, networks and hardware the system runs on.',
  software: 'Applications, services and system software that make up the system.',
  people: 'The teams who build, run, support and govern it.',
  procedures: 'The manual and automated procedures that operate it.',
  data: 'The information it collects, processes, stores and reports.',
};

type ComponentValues = { name: string; description: string };

/**
 * A component's name and description. A new one exists from its Add button; an existing one
 * saves each field as it is typed (UX.md: no Save button), with Undo, and Done closes the row.
 */
function ComponentEditor(props: { kind: ComponentKind; component?: SdComponent; onDone(): void }) {
  const client = useApi();
  const label = COMPONENT_KIND_LABELS[props.kind].toLowerCase();
  /** The component as Attest last answered it: `sd.saveComponent` takes the whole record. */
  const record = useRef<SdComponent | null>(props.component ?? null);
  const [initial] = useState<ComponentValues>(() => ({
    name: props.component?.name ?? '',
    description: props.component?.description ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const { field, counter, created, createNow, flush } = useAutosaveForm<
    ComponentValues,
    SdComponent
  >({
    values: initial,
    patchSchema: componentInput,
    labels: { name: `The ${label} component’s name`, description: 'Its description' },
    saveField: (name, value) => {
      const { id, kind, name: was, description } = record.current!;
      return client.call('sd.saveComponent', { id, kind, name: was, description, [name]: value });
    },
    create: props.component
      ? undefined
      : {
          schema: componentInput,
          toInput: (values) => ({ kind: props.kind, ...values }),
          run: (input) => client.call('sd.saveComponent', input as Input<'sd.saveComponent'>),
        },
    onSaved: (saved, how) => {
      record.current = saved;
      if (how === 'created') props.onDone();
    },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    if (created) {
      await flush();
      props.onDone();
    } else await createNow();
    setBusy(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label={`Name of the ${label} component`}
          placeholder="Name"
          autoFocus
          {...field('name')}
          description={counter('name')}
          style={{ flex: 1 }}
        />
        <TextInput
          aria-label={`Description of the ${label} component`}
          placeholder="What it is, in a few words"
          {...field('description')}
          description={counter('description')}
          style={{ flex: 2 }}
        />
        <Button type="submit" loading={busy} variant="light">
          {created ? 'Done' : 'Add'}
        </Button>
        {!created && (
          <Button variant="subtle" color="gray" onClick={props.onDone} disabled={busy}>
            Cancel
          </Button>
        )}
      </Group>
    </form>
  );
}

/** One of the five kinds of component (DC 3) as a small inventory. */
export function ComponentInventory(props: { kind: ComponentKind; items: SdComponent[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const archiveSdRecord = useArchiveSdRecord();
  const archived = props.items.filter((c) => c.archived).length;
  const shown = props.items.filter((c) => showArchived || !c.archived);
  const label = COMPONENT_KIND_LABELS[props.kind];

  return (
    <Stack gap={4} data-testid={`components-${props.kind}`}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={4} size="h4">
            {label}
          </Title>
          <Text size="xs" c="dimmed">
            {COMPONENT_KIND_HELP[props.kind]}
          </Text>
        </div>
        {archived > 0 && (
          <Switch
            size="xs"
            label={`Archived (${archived})`}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
        )}
      </Group>
      <RecordList
        items={shown.map((c) => ({
          id: c.id,
          name: c.name,
          title: c.name,
          detail: c.description,
          archived: c.archived,
        }))}
        onEdit={setEditing}
        onArchive={(id, a) =>
          void archiveSdRecord('sd.archiveComponent', id, a, shown.find((c) => c.id === id)!.name)
        }
        editing={
          editing && editing !== 'new'
            ? {
                id: editing,
                editor: (
                  <ComponentEditor
                    kind={props.kind}
                    component={props.items.find((c) => c.id === editing)}
                    onDone={() => setEditing(null)}
                  />
                ),
              }
            : null
        }
      />
      {editing === 'new' ? (
        <Stack pt="xs">
          <ComponentEditor kind={props.kind} onDone={() => setEditing(null)} />
        </Stack>
      ) : (
        <Group pt={4}>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
          >
            Add {label.toLowerCase()} component
          </Button>
        </Group>
      )}
    </Stack>
  );
}

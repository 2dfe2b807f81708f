import { Button, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { SdComponent } from '../../../../shared/api/sd';
import {
  COMPONENT_KIND_LABELS,
  type ComponentKind,
} from '../../../../shared/domain/system-description';
import { useApi } from '../../../api/provider';
import { RecordList } from '../../../components/RecordList';
import { useContractErrors } from '../forms/use-contract-errors';
import { useArchiveSdRecord } from './sd-save';
import { limitProps } from '../../../components/form/limits';
import { componentInput } from '../../../../shared/api/sd';

export const COMPONENT_KIND_HELP: Record<ComponentKind, string> = {
  infrastructure: 'Hosting, networks and hardware the system runs on.',
  software: 'Applications, services and system software that make up the system.',
  people: 'The teams who build, run, support and govern it.',
  procedures: 'The manual and automated procedures that operate it.',
  data: 'The information it collects, processes, stores and reports.',
};

function ComponentEditor(props: { kind: ComponentKind; component?: SdComponent; onDone(): void }) {
  const [name, setName] = useState(props.component?.name ?? '');
  const [description, setDescription] = useState(props.component?.description ?? '');
  const [busy, setBusy] = useState(false);
  const { errors, capture } = useContractErrors();
  const client = useApi();
  const label = COMPONENT_KIND_LABELS[props.kind].toLowerCase();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await client.call('sd.saveComponent', {
        id: props.component?.id,
        kind: props.kind,
        name,
        description,
      });
      props.onDone();
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label={`Name of the ${label} component`}
          placeholder="Name"
          autoFocus
          value={name}
          {...limitProps(componentInput, 'name', name)}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name ?? errors['']}
          style={{ flex: 1 }}
        />
        <TextInput
          aria-label={`Description of the ${label} component`}
          placeholder="What it is, in a few words"
          value={description}
          {...limitProps(componentInput, 'description', description)}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          style={{ flex: 2 }}
        />
        <Button type="submit" loading={busy} variant="light">
          {props.component ? 'Save' : 'Add'}
        </Button>
        <Button variant="subtle" color="gray" onClick={props.onDone} disabled={busy}>
          Cancel
        </Button>
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

import { Button, Group, Paper, Stack, Switch, Textarea } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Cuec, SystemDescription } from '../../../../shared/api/sd';
import { useApi } from '../../../api/provider';
import { RecordList } from '../../../components/RecordList';
import { StepEmpty } from '../../../components/StepEmpty';
import { CriteriaMultiSelect } from '../fields/CriteriaMultiSelect';
import { useContractErrors } from '../forms/use-contract-errors';
import { ConfirmNone } from './ConfirmNone';
import { useArchiveSdRecord } from './sd-save';
import { limitProps } from '../../../components/form/limits';
import { cuecInput } from '../../../../shared/api/sd';

function CuecEditor(props: { cuec?: Cuec; onDone(): void }) {
  const [description, setDescription] = useState(props.cuec?.description ?? '');
  const [criteria, setCriteria] = useState<string[]>(props.cuec?.criteria ?? []);
  const [busy, setBusy] = useState(false);
  const { errors, capture } = useContractErrors();
  const client = useApi();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await client.call('sd.saveCuec', { id: props.cuec?.id, description, criteria });
      props.onDone();
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={submit}
      noValidate
      data-testid="cuec-editor"
    >
      <Stack gap="sm">
        <Textarea
          label="What customers must do"
          placeholder="e.g. Customers remove their leavers’ accounts from the product promptly"
          autosize
          minRows={2}
          autoFocus
          value={description}
          {...limitProps(cuecInput, 'description', description)}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description ?? errors['']}
        />
        <CriteriaMultiSelect
          label="Criteria it supports"
          placeholder={criteria.length ? undefined : 'Search by id or title'}
          value={criteria}
          onChange={setCriteria}
          error={errors.criteria}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {props.cuec ? 'Save' : 'Add'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Question 8: the complementary user entity controls we expect of customers (DC 6). */
export function CuecsStep({ sd }: { sd: SystemDescription }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const archiveSdRecord = useArchiveSdRecord();
  const archived = sd.cuecs.filter((c) => c.archived).length;
  const shown = sd.cuecs.filter((c) => showArchived || !c.archived);

  return (
    <Stack gap="md">
      {sd.cuecs.length === 0 && editing !== 'new' ? (
        <StepEmpty
          compact
          icon={<IconUsersGroup size={20} stroke={1.5} />}
          title="No customer controls yet"
          description="Most services rely on a few: customers manage their own users, keep their credentials safe, and tell you when something looks wrong. Add each, with the criteria it supports."
        />
      ) : (
        <>
          {archived > 0 && (
            <Group justify="flex-end">
              <Switch
                size="xs"
                label={`Show archived (${archived})`}
                checked={showArchived}
                onChange={(e) => setShowArchived(e.currentTarget.checked)}
              />
            </Group>
          )}
          <RecordList
            testId="cuec-list"
            items={shown.map((c) => ({
              id: c.id,
              name: c.description.slice(0, 60),
              title: c.description,
              archived: c.archived,
              detail: <span className="attest-mono">{c.criteria.join(' ')}</span>,
            }))}
            onEdit={setEditing}
            onArchive={(id, a) =>
              void archiveSdRecord(
                'sd.archiveCuec',
                id,
                a,
                shown.find((c) => c.id === id)!.description.slice(0, 60),
              )
            }
            editing={
              editing && editing !== 'new'
                ? {
                    id: editing,
                    editor: (
                      <CuecEditor
                        cuec={sd.cuecs.find((c) => c.id === editing)}
                        onDone={() => setEditing(null)}
                      />
                    ),
                  }
                : null
            }
          />
        </>
      )}
      {editing === 'new' ? (
        <CuecEditor onDone={() => setEditing(null)} />
      ) : (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
          >
            Add customer control
          </Button>
        </Group>
      )}
      {editing !== 'new' && (
        <ConfirmNone
          kind="cuecs"
          confirmedOn={sd.confirmedNone.cuecs}
          listed={sd.cuecs.length - archived}
        />
      )}
    </Stack>
  );
}

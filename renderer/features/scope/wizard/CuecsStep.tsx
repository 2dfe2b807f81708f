import { Button, Group, Paper, Stack, Switch, Textarea } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { type FormEvent, useRef, useState } from 'react';
import type { Input } from '../../../../shared/api/index';
import type { Cuec, SystemDescription } from '../../../../shared/api/sd';
import { useApi } from '../../../api/provider';
import { RecordList } from '../../../components/RecordList';
import { StepEmpty } from '../../../components/StepEmpty';
import { CriteriaMultiSelect } from '../fields/CriteriaMultiSelect';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { ConfirmNone } from './ConfirmNone';
import { useArchiveSdRecord } from './sd-save';
import { cuecInput } from '../../../../shared/api/sd';

type CuecValues = { description: string; criteria: string[] };

/**
 * A customer control. A new one exists from its Add button; an existing one saves each field as
 * it is changed (UX.md: no Save button), with Undo, and Done closes it.
 */
function CuecEditor(props: { cuec?: Cuec; onDone(): void }) {
  const client = useApi();
  /** The control as Attest last answered it: `sd.saveCuec` takes the whole record. */
  const record = useRef<Cuec | null>(props.cuec ?? null);
  const [initial] = useState<CuecValues>(() => ({
    description: props.cuec?.description ?? '',
    criteria: props.cuec?.criteria ?? [],
  }));
  const [busy, setBusy] = useState(false);
  const { form, values, field, change, counter, created, createNow, flush } = useAutosaveForm<
    CuecValues,
    Cuec
  >({
    values: initial,
    patchSchema: cuecInput,
    labels: { description: 'What customers must do', criteria: 'Its criteria' },
    saveField: (name, value) => {
      const { id, description, criteria } = record.current!;
      return client.call('sd.saveCuec', { id, description, criteria, [name]: value });
    },
    create: props.cuec
      ? undefined
      : {
          schema: cuecInput,
          toInput: (v) => v,
          run: (input) => client.call('sd.saveCuec', input as Input<'sd.saveCuec'>),
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
          {...field('description')}
          description={counter('description')}
        />
        <CriteriaMultiSelect
          label="Criteria it supports"
          placeholder={values.criteria.length ? undefined : 'Search by id or title'}
          value={values.criteria}
          onChange={(ids) => change('criteria', ids)}
          error={form.errors.criteria}
        />
        <Group justify="flex-end" gap="sm">
          {!created && (
            <Button variant="default" onClick={props.onDone} disabled={busy}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {created ? 'Done' : 'Add'}
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

import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconUserCheck } from '@tabler/icons-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type Person, personInput, personPatch } from '../../../shared/api/people';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { SideDrawer } from '../../components/SideDrawer';
import { useAutosaveForm } from '../../components/form/use-autosave-form';
import { EMPTY_PERSON, type PersonField, PersonFields, type PersonValues } from './PersonFields';
import { namesakeOf, usePeople, usePutPerson } from './people-store';
import { HistorySection } from '../history/RecordHistory';

const LABELS: Record<PersonField, string> = {
  name: 'Name',
  email: 'Email',
  role: 'Role',
  team: 'Team',
};

function NewPersonForm(props: {
  onCreated(person: Person): void;
  onCancel(): void;
  onDraft(pending: boolean): void;
}) {
  const people = usePeople((s) => s.items);
  const api = useApi();
  const put = usePutPerson();
  const [busy, setBusy] = useState(false);
  // The person this form has just created: listed by now, but not a namesake of itself while
  // the drawer turns to them.
  const [createdId, setCreatedId] = useState<string | undefined>(undefined);
  const { field, values, createNow, draftPending } = useAutosaveForm<PersonValues, Person>({
    values: EMPTY_PERSON,
    patchSchema: personPatch,
    labels: LABELS,
    create: {
      schema: personInput,
      toInput: (v) => v,
      run: (input) => api.call('people.create', input as PersonValues),
    },
    onSaved: (person) => {
      setCreatedId(person.id);
      put(person);
      notifySuccess(`Added ${person.name}.`);
      props.onCreated(person);
    },
  });
  const { onDraft } = props;
  useEffect(() => onDraft(draftPending), [onDraft, draftPending]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await createNow();
    setBusy(false);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="new-person-form">
      <Stack gap="lg">
        <PersonFields
          autoFocus
          field={field}
          namesake={namesakeOf(people, values.name, createdId)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Add person
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditPerson({ person }: { person: Person }) {
  const currentId = usePeople((s) => s.currentPersonId);
  const api = useApi();
  const put = usePutPerson();
  const { field, values } = useAutosaveForm<PersonValues, Person>({
    values: { name: person.name, email: person.email, role: person.role, team: person.team },
    patchSchema: personPatch,
    labels: LABELS,
    saveField: (name, value) =>
      api.call('people.update', { id: person.id, patch: { [name]: value } }),
    onSaved: put,
  });
  const isCurrent = currentId === person.id;
  const people = usePeople((s) => s.items);

  const archive = async (archived: boolean) => {
    try {
      put(await api.call('people.archive', { id: person.id, archived }));
      notifySuccess(archived ? `Archived ${person.name}.` : `Restored ${person.name}.`);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="lg">
      {person.archived && (
        <Alert color="gray" variant="light" title="Archived">
          Records that name {person.name} still do, but they are no longer offered in pickers.
        </Alert>
      )}
      <PersonFields field={field} namesake={namesakeOf(people, values.name, person.id)} />
      <Text size="xs" c="dimmed">
        Changes are saved as you type.
      </Text>
      <Group justify="space-between" gap="sm">
        {isCurrent ? (
          <Badge variant="light" color="teal" radius="sm" tt="none" size="lg">
            This is you
          </Badge>
        ) : (
          <Button
            variant="light"
            leftSection={<IconUserCheck size={16} aria-hidden />}
            disabled={person.archived}
            onClick={() =>
              api
                .call('people.setCurrent', { id: person.id })
                .then(() => notifySuccess(`You are ${person.name} from now on.`), notifyError)
            }
          >
            This is me
          </Button>
        )}
        {person.archived ? (
          <Button
            variant="default"
            leftSection={<IconArchiveOff size={16} aria-hidden />}
            onClick={() => void archive(false)}
          >
            Restore
          </Button>
        ) : (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconArchive size={16} aria-hidden />}
            disabled={isCurrent}
            title={isCurrent ? 'Choose someone else as yourself first' : undefined}
            onClick={() => void archive(true)}
          >
            Archive
          </Button>
        )}
      </Group>
      <HistorySection id={person.id} />
    </Stack>
  );
}

/** Adds a person, or shows and changes one (saved as you type). */
export function PersonDrawer(props: {
  /** 'new', a person's id, or null when closed. */
  target: string | null;
  onClose(): void;
  onCreated(person: Person): void;
}) {
  const person = usePeople((s) => s.items.find((p) => p.id === props.target) ?? null);
  const opened = props.target === 'new' || person !== null;
  const [draftPending, setDraftPending] = useState(false);
  const onDraft = useCallback((pending: boolean) => setDraftPending(pending), []);
  return (
    <SideDrawer
      opened={opened}
      onClose={props.onClose}
      draft={{ pending: props.target === 'new' && draftPending, what: 'this new person' }}
      size={440}
      // Never an empty title, even while closing: the dialog is named by it.
      title={props.target === 'new' ? 'New person' : (person?.name ?? 'Person')}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {props.target === 'new' ? (
        <NewPersonForm onCreated={props.onCreated} onCancel={props.onClose} onDraft={onDraft} />
      ) : person ? (
        <EditPerson key={person.id} person={person} />
      ) : null}
    </SideDrawer>
  );
}

import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconUserCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Person } from '../../../shared/api/people';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { SideDrawer } from '../../components/SideDrawer';
import { useContractErrors } from '../scope/forms/use-contract-errors';
import { useFieldAutosave } from '../scope/forms/use-field-autosave';
import { EMPTY_PERSON, type PersonField, PersonFields, type PersonValues } from './PersonFields';
import { namesakeOf, usePeople, usePutPerson } from './people-store';

function NewPersonForm(props: { onCreated(person: Person): void; onCancel(): void }) {
  const [values, setValues] = useState<PersonValues>(EMPTY_PERSON);
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useContractErrors();
  const people = usePeople((s) => s.items);
  const api = useApi();
  const put = usePutPerson();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const person = await api.call('people.create', values);
      put(person);
      notifySuccess(`Added ${person.name}.`);
      props.onCreated(person);
    } catch (e) {
      capture(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="new-person-form">
      <Stack gap="lg">
        {errors[''] && (
          <Alert color="red" variant="light">
            {errors['']}
          </Alert>
        )}
        <PersonFields
          autoFocus
          values={values}
          errors={errors}
          namesake={namesakeOf(people, values.name)}
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
  const [values, setValues] = useState<PersonValues>({
    name: person.name,
    email: person.email,
    role: person.role,
    team: person.team,
  });
  const { errors, capture, clear } = useContractErrors();
  const { schedule } = useFieldAutosave<PersonField>(async (field, value) => {
    try {
      const saved = await api.call('people.update', {
        id: person.id,
        patch: { [field]: value },
      });
      put(saved);
      clear(field);
    } catch (e) {
      capture(e, { field, strip: ['patch'] });
    }
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
      <PersonFields
        values={values}
        errors={errors}
        namesake={namesakeOf(people, values.name, person.id)}
        onChange={(field, value) => {
          setValues((v) => ({ ...v, [field]: value }));
          schedule(field, value);
        }}
      />
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
  return (
    <SideDrawer
      opened={opened}
      onClose={props.onClose}
      size={440}
      // Never an empty title, even while closing: the dialog is named by it.
      title={props.target === 'new' ? 'New person' : (person?.name ?? 'Person')}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {props.target === 'new' ? (
        <NewPersonForm onCreated={props.onCreated} onCancel={props.onClose} />
      ) : person ? (
        <EditPerson key={person.id} person={person} />
      ) : null}
    </SideDrawer>
  );
}

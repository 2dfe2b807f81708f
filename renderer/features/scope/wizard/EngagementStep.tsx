import {
  ActionIcon,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Engagement } from '../../../../shared/api/vault';
import { useEngagementSave } from './use-engagement-save';
import { engagementPatch } from '../../../../shared/api/methods/scope';
import { limitProps } from '../../../components/form/limits';

type Contact = Engagement['contacts'][number];

const blank = (c: Contact) => !c.name.trim() && !c.role.trim() && !c.email.trim();

/** Step 1: client, services, auditor firm and the people to contact. */
export function EngagementStep({ engagement }: { engagement: Engagement }) {
  const save = useEngagementSave();
  const [text, setText] = useState({
    name: engagement.name,
    client: engagement.client,
    services: engagement.services,
    auditorFirm: engagement.auditorFirm,
  });
  const [contacts, setContacts] = useState<Contact[]>(
    engagement.contacts.length > 0 ? engagement.contacts : [{ name: '', role: '', email: '' }],
  );

  const edit = (field: keyof typeof text, value: string) => {
    setText((t) => ({ ...t, [field]: value }));
    save.later(field, { [field]: value });
  };
  const editContacts = (next: Contact[], now = false) => {
    setContacts(next);
    const patch = { contacts: next.filter((c) => !blank(c)) };
    if (now) save.now('contacts', patch);
    else save.later('contacts', patch);
  };
  const setContact = (i: number, field: keyof Contact, value: string) =>
    editContacts(contacts.map((c, j) => (j === i ? { ...c, [field]: value } : c)));

  return (
    <Stack gap="xl">
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          label="Engagement name"
          required
          value={text.name}
          {...limitProps(
            engagementPatch,
            'name',
            text.name,
            'How this engagement is named in Attest',
          )}
          onChange={(e) => edit('name', e.currentTarget.value)}
          error={save.errors.name}
        />
        <TextInput
          label="Client"
          value={text.client}
          {...limitProps(
            engagementPatch,
            'client',
            text.client,
            'The organisation whose system is described',
          )}
          onChange={(e) => edit('client', e.currentTarget.value)}
          error={save.errors.client}
        />
      </SimpleGrid>
      <Textarea
        label="Services"
        placeholder="e.g. A hosted analytics platform that turns customers’ event data into dashboards and reports."
        autosize
        minRows={2}
        value={text.services}
        {...limitProps(
          engagementPatch,
          'services',
          text.services,
          'What the client provides to its customers, in a sentence or two. It opens the system description.',
        )}
        onChange={(e) => edit('services', e.currentTarget.value)}
        error={save.errors.services}
      />
      <TextInput
        label="Auditor firm"
        value={text.auditorFirm}
        {...limitProps(
          engagementPatch,
          'auditorFirm',
          text.auditorFirm,
          'The CPA firm that will examine the controls, if chosen',
        )}
        onChange={(e) => edit('auditorFirm', e.currentTarget.value)}
        error={save.errors.auditorFirm}
        maw={420}
      />
      <Stack gap="xs">
        <div>
          <Title order={3} size="h4">
            Contacts
          </Title>
          <Text size="xs" c="dimmed">
            The people the auditor deals with: usually a sponsor and a day-to-day lead.
          </Text>
        </div>
        {contacts.map((c, i) => (
          <Group key={i} gap="sm" wrap="nowrap" align="flex-start" data-testid="contact-row">
            <TextInput
              aria-label={`Contact ${i + 1} name`}
              placeholder="Name"
              value={c.name}
              onChange={(e) => setContact(i, 'name', e.currentTarget.value)}
              error={save.errors[`contacts.${i}.name`]}
              style={{ flex: 1.2 }}
            />
            <TextInput
              aria-label={`Contact ${i + 1} role`}
              placeholder="Role"
              value={c.role}
              onChange={(e) => setContact(i, 'role', e.currentTarget.value)}
              error={save.errors[`contacts.${i}.role`]}
              style={{ flex: 1 }}
            />
            <TextInput
              aria-label={`Contact ${i + 1} email`}
              placeholder="Email"
              type="email"
              value={c.email}
              onChange={(e) => setContact(i, 'email', e.currentTarget.value)}
              error={save.errors[`contacts.${i}.email`]}
              style={{ flex: 1.4 }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Remove contact ${i + 1}`}
              onClick={() =>
                editContacts(
                  contacts.filter((_, j) => j !== i),
                  true,
                )
              }
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setContacts([...contacts, { name: '', role: '', email: '' }])}
          >
            Add contact
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

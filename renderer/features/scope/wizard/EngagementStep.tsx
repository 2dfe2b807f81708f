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
import { type EngagementPatch, engagementPatch } from '../../../../shared/api/methods/scope';
import { useApi } from '../../../api/provider';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';

type Contact = Engagement['contacts'][number];

const blank = (c: Contact) => !c.name.trim() && !c.role.trim() && !c.email.trim();

type EngagementValues = {
  name: string;
  client: string;
  services: string;
  auditorFirm: string;
  contacts: Contact[];
};

const LABELS: Record<keyof EngagementValues, string> = {
  name: 'Engagement name',
  client: 'Client',
  services: 'Services',
  auditorFirm: 'Auditor firm',
  contacts: 'Contacts',
};

/** Step 1: client, services, auditor firm and the people to contact. */
export function EngagementStep({ engagement }: { engagement: Engagement }) {
  const client = useApi();
  const [initial] = useState<EngagementValues>(() => ({
    name: engagement.name,
    client: engagement.client,
    services: engagement.services,
    auditorFirm: engagement.auditorFirm,
    contacts:
      engagement.contacts.length > 0 ? engagement.contacts : [{ name: '', role: '', email: '' }],
  }));
  const { form, values, field, change, counter } = useAutosaveForm<EngagementValues, unknown>({
    values: initial,
    patchSchema: engagementPatch,
    labels: LABELS,
    // A contact row not filled in yet is not a contact.
    toInput: (name, value) =>
      name === 'contacts' ? (value as Contact[]).filter((c) => !blank(c)) : value,
    // The header's client, report type and period are re-read by the change this makes.
    saveField: (name, value) => client.call('scope.update', { [name]: value } as EngagementPatch),
  });
  const contacts = values.contacts;
  /** A text field with its limit: the counter follows the field's own help. */
  const text = (name: Exclude<keyof EngagementValues, 'contacts'>, help: string) => ({
    ...field(name),
    description: [help, counter(name)].filter(Boolean).join(' · '),
  });
  // Typing in a row waits for a pause; adding or removing a row is a choice, saved at once.
  const editContacts = (next: Contact[], now = false) => change('contacts', next, now);
  const setContact = (i: number, key: keyof Contact, value: string) =>
    editContacts(contacts.map((c, j) => (j === i ? { ...c, [key]: value } : c)));
  const rowError = (i: number, key: keyof Contact) => form.errors[`contacts.${i}.${key}`];
  const rowsRefused = contacts.some((_, i) =>
    (['name', 'role', 'email'] as const).some((key) => rowError(i, key)),
  );

  return (
    <Stack gap="xl">
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          label="Engagement name"
          required
          {...text('name', 'How this engagement is named in Attest')}
        />
        <TextInput
          label="Client"
          {...text('client', 'The organisation whose system is described')}
        />
      </SimpleGrid>
      <Textarea
        label="Services"
        placeholder="e.g. A hosted analytics platform that turns customers’ event data into dashboards and reports."
        autosize
        minRows={2}
        {...text(
          'services',
          'What the client provides to its customers, in a sentence or two. It opens the system description.',
        )}
      />
      <TextInput
        label="Auditor firm"
        {...text('auditorFirm', 'The CPA firm that will examine the controls, if chosen')}
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
              error={rowError(i, 'name')}
              style={{ flex: 1.2 }}
            />
            <TextInput
              aria-label={`Contact ${i + 1} role`}
              placeholder="Role"
              value={c.role}
              onChange={(e) => setContact(i, 'role', e.currentTarget.value)}
              error={rowError(i, 'role')}
              style={{ flex: 1 }}
            />
            <TextInput
              aria-label={`Contact ${i + 1} email`}
              placeholder="Email"
              type="email"
              value={c.email}
              onChange={(e) => setContact(i, 'email', e.currentTarget.value)}
              error={rowError(i, 'email')}
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
        {form.errors.contacts && !rowsRefused && (
          <Text size="xs" c="red" role="alert">
            {form.errors.contacts}
          </Text>
        )}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            // An empty row is not a contact yet: nothing to save.
            onClick={() =>
              form.setFieldValue('contacts', [...contacts, { name: '', role: '', email: '' }])
            }
          >
            Add contact
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

import { Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Person } from '../../../shared/api/people';
import type { ReactNode } from 'react';

export type PersonValues = {
  name: string;
  email: string;
  role: string;
  team: string;
};

export type PersonField = keyof PersonValues;

export const EMPTY_PERSON: PersonValues = { name: '', email: '', role: '', team: '' };

/** The four facts kept about a person; the same fields to add one and to change one. */
export function PersonFields(props: {
  /** The bound input of a field (value, change, error, limit), from the form helper. */
  field(name: PersonField): {
    value: string;
    error?: ReactNode;
    maxLength?: number;
    onChange(input: unknown): void;
    onBlur(): void;
  };
  autoFocus?: boolean;
  /** Someone else with this name: a warning under the field, not an error. */
  namesake?: Person | null;
}) {
  const { field } = props;
  return (
    <Stack gap="md">
      <TextInput
        label="Name"
        required
        data-autofocus={props.autoFocus}
        {...field('name')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        description={props.namesake ? <NamesakeWarning person={props.namesake} /> : undefined}
      />
      <TextInput
        label="Email"
        type="email"
        placeholder="name@example.com"
        description="Optional. Used to tell people apart, never to send anything."
        {...field('email')}
      />
      <SimpleGrid cols={2} spacing="md">
        <TextInput label="Role" placeholder="e.g. Security Lead" {...field('role')} />
        <TextInput label="Team" placeholder="e.g. Engineering" {...field('team')} />
      </SimpleGrid>
    </Stack>
  );
}

function NamesakeWarning({ person }: { person: Person }) {
  const who = [person.email, person.role, person.team].filter(Boolean).join(' · ');
  return (
    <Group gap={4} wrap="nowrap" component="span" data-testid="namesake-warning" role="status">
      <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-orange-7)" />
      {/* The icon says "warning"; the words are in the text colour, since no orange of the
          palette is readable at this size on white (orange 8: 3.6:1, axe asks 4.5:1). */}
      <Text span size="xs">
        {person.name}
        {who ? ` (${who})` : ''} is already in the list
        {person.archived ? ', archived' : ''}. Add this name again only for another person.
      </Text>
    </Group>
  );
}

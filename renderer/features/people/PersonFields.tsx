import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../components/field-errors';

export interface PersonValues {
  name: string;
  email: string;
  role: string;
  team: string;
}

export type PersonField = keyof PersonValues;

export const EMPTY_PERSON: PersonValues = { name: '', email: '', role: '', team: '' };

/** The four facts kept about a person; the same fields to add one and to change one. */
export function PersonFields(props: {
  values: PersonValues;
  errors: FieldErrors;
  onChange(field: PersonField, value: string): void;
  autoFocus?: boolean;
}) {
  const field = (name: PersonField) => ({
    value: props.values[name],
    error: props.errors[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      props.onChange(name, e.currentTarget.value),
  });
  return (
    <Stack gap="md">
      <TextInput label="Name" required data-autofocus={props.autoFocus} {...field('name')} />
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

import { Button, Group } from '@mantine/core';
import { InlineConfirm } from './InlineConfirm';

/**
 * The foot of a record's form in a drawer: Archive on the left for a record that exists (it
 * asks first, in place), Cancel and the primary action on the right.
 */
export function FormActions(props: {
  submitLabel: string;
  busy: boolean;
  onCancel(): void;
  archive?: { question: string; explanation: string; onConfirm(): Promise<void> | void };
  submitTestId?: string;
}) {
  return (
    <Group justify="space-between" mt="sm" wrap="wrap">
      {props.archive ? <InlineConfirm label="Archive" {...props.archive} /> : <span />}
      <Group gap="xs">
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={props.busy} data-testid={props.submitTestId}>
          {props.submitLabel}
        </Button>
      </Group>
    </Group>
  );
}

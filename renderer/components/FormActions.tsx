import { Button, Group, Text } from '@mantine/core';
import { InlineConfirm } from './InlineConfirm';

/**
 * The foot of a record's form in a drawer. A record being created: Cancel and its Create button
 * (its first save). A record that exists saves as it is typed, so there is nothing to cancel:
 * Archive on the left (it asks first, in place), and Done, which sends what is waiting and closes.
 */
export function FormActions(props: {
  submitLabel: string;
  busy: boolean;
  /** Only for a record being created: an existing one has nothing unsaved to cancel. */
  onCancel?: (() => void) | undefined;
  archive?: { question: string; explanation: string; onConfirm(): Promise<void> | void };
  submitTestId?: string;
}) {
  return (
    <Group justify="space-between" mt="sm" wrap="wrap">
      {props.archive ? <InlineConfirm label="Archive" {...props.archive} /> : <span />}
      <Group gap="xs">
        {props.onCancel ? (
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            Changes are saved as you type.
          </Text>
        )}
        <Button type="submit" loading={props.busy} data-testid={props.submitTestId}>
          {props.submitLabel}
        </Button>
      </Group>
    </Group>
  );
}

import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

let shown: string | null = null;
let counter = 0;

/**
 * "Title saved · Undo": the toast of the last change. Only the last change can be undone, so a
 * newer save replaces the toast of the one before.
 */
export function offerUndo(what: string, undo: () => void): void {
  if (shown) notifications.hide(shown);
  const id = `attest-undo-${++counter}`;
  shown = id;
  notifications.show({
    id,
    color: 'teal',
    autoClose: 6000,
    withCloseButton: true,
    'data-testid': 'undo-notification',
    message: (
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">{what} saved.</Text>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => {
            notifications.hide(id);
            undo();
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}

/** The Undo of a change that has been changed again since: nothing is undone, and it says so. */
export function sayUndoRefused(what: string): void {
  notifications.show({
    color: 'yellow',
    autoClose: 6000,
    message: `${what} has changed since that save, so it was not undone.`,
  });
}

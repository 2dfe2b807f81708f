import { Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { toApiCallError } from '../api';
import { describeError } from './error-wording';

/** Shows any failure as the user's words: what happened, what to do, and Attest's specifics. */
export function notifyError(error: unknown): void {
  const e = toApiCallError(error);
  if (e.code === 'cancelled') {
    notifications.show({ message: 'Cancelled. Nothing was changed.', color: 'gray' });
    return;
  }
  const wording = describeError(e);
  notifications.show({
    color: 'red',
    icon: <IconAlertTriangle size={18} aria-hidden />,
    title: wording.title,
    autoClose: 12_000,
    'data-testid': 'error-notification',
    message: (
      <Stack gap={4}>
        <Text size="sm">{wording.advice}</Text>
        {wording.detail && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {wording.detail}
          </Text>
        )}
      </Stack>
    ),
  });
}

/** Success is quiet: a short notification that goes away by itself. */
export function notifySuccess(message: string): void {
  notifications.show({
    color: 'teal',
    icon: <IconCheck size={18} aria-hidden />,
    message,
    autoClose: 3500,
  });
}

/** Something done that the user should know changed more than they asked (stays a while). */
export function notifyWarning(message: string): void {
  notifications.show({
    color: 'yellow',
    icon: <IconAlertTriangle size={18} aria-hidden />,
    message,
    autoClose: 8000,
  });
}

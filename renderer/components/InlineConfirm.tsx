import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * A destructive action that asks first, in place (inside a drawer, where a second dialog would
 * fight the first for focus): the button turns into the question and its two answers.
 */
export function InlineConfirm(props: {
  label: string;
  question: string;
  explanation: string;
  onConfirm(): Promise<void> | void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <Button variant="subtle" color="red" onClick={() => setAsking(true)}>
        {props.label}
      </Button>
    );
  }
  return (
    <Alert color="red" variant="light" title={props.question} w="100%" role="alertdialog">
      <Text size="sm" mb="sm">
        {props.explanation}
      </Text>
      <Group gap="xs">
        <Button
          color="red"
          size="xs"
          loading={busy}
          data-autofocus
          onClick={async () => {
            setBusy(true);
            try {
              await props.onConfirm();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        >
          {props.label}
        </Button>
        <Button size="xs" variant="default" onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </Group>
    </Alert>
  );
}

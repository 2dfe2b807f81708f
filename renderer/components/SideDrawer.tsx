import { Alert, Button, Drawer, type DrawerProps, Group, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * Detail beside a table or board (a record, a task, a risk): on the right, under a light veil
 * so the list stays readable beside the panel and the user keeps their place, with a named
 * close button. Esc closes it and gives focus back to what opened it.
 *
 * With `draft.pending` (a new record with typed content not created yet), closing asks first:
 * nothing typed is dropped without asking.
 */
export function SideDrawer({
  draft,
  onClose,
  children,
  ...props
}: DrawerProps & { draft?: { pending: boolean; what: string } }) {
  const [asking, setAsking] = useState(false);
  const close = () => {
    if (draft?.pending && !asking) setAsking(true);
    else {
      setAsking(false);
      onClose();
    }
  };
  return (
    <Drawer
      position="right"
      overlayProps={{ backgroundOpacity: 0.12 }}
      closeButtonProps={{ 'aria-label': 'Close' }}
      onClose={close}
      {...props}
    >
      {asking && draft?.pending && (
        <Alert
          color="yellow"
          variant="light"
          mb="md"
          role="alertdialog"
          aria-label={`Discard ${draft.what}?`}
          title={`Discard ${draft.what}?`}
        >
          <Text size="sm" mb="sm">
            What you typed has not been saved: it is kept only once you create it.
          </Text>
          <Group gap="sm">
            <Button size="compact-sm" data-autofocus onClick={() => setAsking(false)}>
              Keep editing
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => {
                setAsking(false);
                onClose();
              }}
            >
              Discard
            </Button>
          </Group>
        </Alert>
      )}
      {children}
    </Drawer>
  );
}

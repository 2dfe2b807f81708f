import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Component, type ReactNode } from 'react';

/**
 * A failure while drawing the window: say so plainly and offer a way back. Nothing was lost,
 * because every change is saved by Attest as it is made, never by this window.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Center h="100%" p="xl">
        <Stack align="center" gap="sm" maw={440}>
          <Title order={1} size="h2">
            This window ran into a problem
          </Title>
          <Text c="dimmed" ta="center" size="sm">
            Your work is safe: every change was saved as it was made. Reload the window to carry on
            where you were.
          </Text>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </Stack>
      </Center>
    );
  }
}

import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A step that is not built yet, said plainly: what it will do, and (below it, from the page)
 * what it will need from this vault. Nothing on it pretends to be a screen that exists.
 */
export function ComingLater(props: { will: readonly string[]; children: ReactNode }) {
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" data-testid="coming-later">
        <Group gap="sm" mb="xs">
          <Title order={2} size="h4">
            What this step will do
          </Title>
          <Badge variant="light" color="gray" radius="sm" tt="none" fw={600}>
            Coming in a later version
          </Badge>
        </Group>
        <List size="sm" spacing={4}>
          {props.will.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" mt="sm">
          Self-assessment — not an audit opinion.
        </Text>
      </Paper>
      {props.children}
    </Stack>
  );
}

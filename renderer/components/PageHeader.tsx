import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Every page starts the same way: title, one sentence of purpose, the primary action right. */
export function PageHeader(props: {
  title: string;
  purpose: string;
  step?: number | null;
  action?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xl" mb="lg">
      <Stack gap={4} style={{ minWidth: 0 }}>
        {props.step != null && (
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
            Step {props.step} of 6
          </Text>
        )}
        <Title order={1}>{props.title}</Title>
        <Text c="dimmed" size="sm" maw={640}>
          {props.purpose}
        </Text>
      </Stack>
      {props.action && <Group gap="xs">{props.action}</Group>}
    </Group>
  );
}

import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled surface on a page. */
export function SectionCard(props: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="lg" data-testid={props.testId}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={2} size="h3">
          {props.title}
        </Title>
        {props.action}
      </Group>
      {props.children}
    </Paper>
  );
}

import { Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconEqual } from '@tabler/icons-react';
import type { Task } from '../../../shared/api/tasks';
import { PRIORITY_LABEL } from './labels';

const ICON = { high: IconChevronUp, medium: IconEqual, low: IconChevronDown };

/** Priority as a quiet word with an arrow, so it never competes with the status colours. */
export function PriorityLabel({ priority }: { priority: Task['priority'] }) {
  const Icon = ICON[priority];
  return (
    <Group gap={2} wrap="nowrap">
      <Icon size={14} stroke={2} aria-hidden color="var(--mantine-color-dimmed)" />
      <Text size="xs" c="dimmed" fw={priority === 'high' ? 600 : 400}>
        {PRIORITY_LABEL[priority]}
      </Text>
    </Group>
  );
}

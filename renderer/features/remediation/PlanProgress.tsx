import { Group, Paper, Text } from '@mantine/core';
import type { Task } from '../../../shared/api/tasks';
import { ProgressRing } from '../../components/ProgressRing';
import { plural } from '../../components/format';
import { planCounts } from './plan';

/** Done out of all tasks as a ring, with what is open and what is late beside it. */
export function PlanProgress({ tasks }: { tasks: readonly Task[] }) {
  const c = planCounts(tasks);
  return (
    <Paper withBorder p="md" data-testid="plan-progress">
      <Group justify="space-between" wrap="nowrap">
        <ProgressRing
          value={c.done}
          total={c.total}
          label={`${c.done} of ${plural(c.total, 'task')} done`}
          caption={`${c.done} of ${plural(c.total, 'task')} done`}
          detail="Plan progress"
        />
        <Group gap="xl" wrap="nowrap">
          <Stat label="Open" value={c.open} />
          <Stat label="Overdue" value={c.overdue} alarm={c.overdue > 0} />
        </Group>
      </Group>
    </Paper>
  );
}

function Stat(props: { label: string; value: number; alarm?: boolean }) {
  return (
    <div>
      <Text
        size="xl"
        fw={700}
        c={props.alarm ? 'var(--mantine-color-error)' : undefined}
        data-testid={`plan-${props.label.toLowerCase()}`}
      >
        {props.value}
      </Text>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
    </div>
  );
}

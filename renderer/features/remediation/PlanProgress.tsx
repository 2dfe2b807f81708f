import { Group, Paper } from '@mantine/core';
import type { Task } from '../../../shared/api/tasks';
import { Figure } from '../../components/Figure';
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
          <Figure label="Open" value={c.open} valueTestId="plan-open" />
          <Figure label="Overdue" value={c.overdue} alert valueTestId="plan-overdue" />
        </Group>
      </Group>
    </Paper>
  );
}

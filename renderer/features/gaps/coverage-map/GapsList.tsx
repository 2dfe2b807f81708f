import { Anchor, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { GAP_SEVERITIES, type Gap, type GapSeverity } from '../../../../shared/api/gaps';
import { SEVERITY_LABEL, SeverityBadge, StatusBadge } from '../../../components/status';
import { useTasks } from '../../remediation/task-queries';
import { ASSESSMENT_BADGE, ASSESSMENT_TONE } from '../labels';

function TaskLinks({ gap }: { gap: Gap }) {
  const tasks = useTasks((s) => s.tasks);
  if (gap.taskIds.length === 0) {
    return (
      <Anchor component={Link} to="/remediation" size="sm" c="var(--mantine-color-error)">
        No task yet
      </Anchor>
    );
  }
  return (
    <Group gap={6}>
      {gap.taskIds.map((id) => (
        <Anchor
          key={id}
          component={Link}
          to={`/remediation?view=table&task=${id}`}
          size="sm"
          className="attest-mono"
        >
          {tasks.find((t) => t.id === id)?.ref ?? 'Task'}
        </Anchor>
      ))}
    </Group>
  );
}

/**
 * What is still missing, blocking first: each gap with the criteria it leaves unmet, the
 * residual risk behind it, why it has that severity, and the task that closes it.
 */
export function GapsList({ gaps }: { gaps: readonly Gap[] }) {
  const [severity, setSeverity] = useState<GapSeverity | 'all'>('all');
  const shown = severity === 'all' ? gaps : gaps.filter((g) => g.severity === severity);
  const count = (s: GapSeverity) => gaps.filter((g) => g.severity === s).length;
  return (
    <Stack gap="sm" data-testid="gaps-list">
      <SegmentedControl
        aria-label="Severity"
        size="xs"
        value={severity}
        onChange={(v) => setSeverity(v as GapSeverity | 'all')}
        data={[
          { value: 'all', label: `All ${gaps.length}` },
          ...GAP_SEVERITIES.map((s) => ({ value: s, label: `${SEVERITY_LABEL[s]} ${count(s)}` })),
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
        <Table verticalSpacing={8} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={96}>Severity</Table.Th>
              <Table.Th>Control</Table.Th>
              <Table.Th w={170}>Status</Table.Th>
              <Table.Th w={120}>Unmet criteria</Table.Th>
              <Table.Th w={90}>Residual risk</Table.Th>
              <Table.Th w={110}>Tasks</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((g) => (
              <Table.Tr key={g.controlId} data-gap={g.ref}>
                <Table.Td>
                  <SeverityBadge severity={g.severity} />
                </Table.Td>
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={`/gaps?view=focus&control=${g.controlId}`}
                      size="sm"
                      fw={600}
                      className="attest-mono"
                    >
                      {g.ref}
                    </Anchor>
                    <Text size="sm">{g.title}</Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {g.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge tone={ASSESSMENT_TONE[g.status]}>
                    {ASSESSMENT_BADGE[g.status]}
                  </StatusBadge>
                </Table.Td>
                <Table.Td className="attest-mono" fz="xs">
                  {g.unmetCriteria.join(' ') || '—'}
                </Table.Td>
                <Table.Td>{g.residualRisk ?? '—'}</Table.Td>
                <Table.Td>
                  <TaskLinks gap={g} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {shown.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="xl">
            {gaps.length === 0
              ? 'No gaps: every control is assessed implemented or not applicable.'
              : 'No gap of this severity.'}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

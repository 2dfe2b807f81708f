import { Anchor, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  GAP_SEVERITIES,
  type Gap,
  type GapSeverity,
  type UnassessedControl,
} from '../../../../shared/api/gaps';
import { plural } from '../../../components/format';
import { SEVERITY_LABEL, SeverityBadge, StatusBadge } from '../../../components/status';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';
import { useTasks } from '../../remediation/task-queries';
import { ASSESSMENT_BADGE, ASSESSMENT_LABEL, ASSESSMENT_TONE } from '../labels';

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
 * Controls nobody has assessed yet, said once and neutrally: they are unknown, not gaps, so they
 * get no severity and no "No task yet" (a fresh vault is not 119 blocking gaps).
 */
function NotAssessedYet({ controls }: { controls: readonly UnassessedControl[] }) {
  const next = controls[0];
  if (!next) return null;
  return (
    <Group gap="sm" wrap="nowrap" data-testid="gaps-not-assessed">
      <StatusBadge tone={ASSESSMENT_TONE.not_assessed}>{ASSESSMENT_LABEL.not_assessed}</StatusBadge>
      <Text size="sm" c="dimmed">
        {plural(controls.length, 'control')} {controls.length === 1 ? 'is' : 'are'} not assessed
        yet. A control becomes a gap only once it is assessed partial or not implemented.
      </Text>
      <Anchor
        component={Link}
        to={focusLink(next.controlId)}
        size="sm"
        style={{ whiteSpace: 'nowrap' }}
      >
        Assess {next.ref}
      </Anchor>
    </Group>
  );
}

const focusLink = (controlId: string) => `/gaps?view=focus&control=${controlId}`;
const gapId = (g: Gap) => g.controlId;
const gapName = (g: Gap) => `${g.ref} ${g.title}`;
const gapData = (g: Gap) => ({ 'data-gap': g.ref });

/** In the server's order (severity, then residual risk): the list is read as it comes. */
const GAP_COLUMNS: DataColumn<Gap>[] = [
  {
    id: 'severity',
    header: 'Severity',
    width: 96,
    cell: (g) => <SeverityBadge severity={g.severity} />,
  },
  {
    id: 'control',
    header: 'Control',
    cell: (g) => (
      <>
        <Group gap={8} wrap="nowrap">
          <Text span size="sm" fw={600} className="attest-mono">
            {g.ref}
          </Text>
          <Text span size="sm">
            {g.title}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {g.reason}
        </Text>
      </>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    width: 170,
    cell: (g) => (
      <StatusBadge tone={ASSESSMENT_TONE[g.status]}>{ASSESSMENT_BADGE[g.status]}</StatusBadge>
    ),
  },
  {
    id: 'criteria',
    header: 'Unmet criteria',
    width: 120,
    cell: (g) => (
      <Text span size="xs" className="attest-mono">
        {g.unmetCriteria.join(' ') || '—'}
      </Text>
    ),
  },
  { id: 'risk', header: 'Residual risk', width: 90, cell: (g) => g.residualRisk ?? '—' },
  // Links of their own: a click there opens the task, not the row's control.
  {
    id: 'tasks',
    header: 'Tasks',
    width: 110,
    interactive: true,
    cell: (g) => <TaskLinks gap={g} />,
  },
];

/**
 * What is still missing, blocking first: each gap with the criteria it leaves unmet, the
 * residual risk behind it, why it has that severity, and the task that closes it.
 */
export function GapsList({
  gaps,
  notAssessed,
}: {
  gaps: readonly Gap[];
  notAssessed: readonly UnassessedControl[];
}) {
  const navigate = useNavigate();
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
      <NotAssessedYet controls={notAssessed} />
      <DataTable<Gap>
        label="Gaps by severity"
        testId="gaps-table"
        rows={shown}
        rowId={gapId}
        rowLabel={gapName}
        rowData={gapData}
        columns={GAP_COLUMNS}
        onOpen={(g) => navigate(focusLink(g.controlId))}
        rowHeight={58}
        maxHeight="min(70dvh, 640px)"
        empty={
          gaps.length > 0
            ? 'No gap of this severity.'
            : notAssessed.length > 0
              ? 'No gaps found so far: none of the assessed controls is partial or not implemented.'
              : 'No gaps: every control is assessed implemented or not applicable.'
        }
      />
    </Stack>
  );
}

import { Group, Paper, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { TASK_STATUSES, type Task } from '../../../shared/api/tasks';
import { OwnerFilter } from '../../components/OwnerFilter';
import { RestoreButton } from '../../components/RestoreButton';
import { SortableTh } from '../../components/SortableTh';
import { StatusBadge } from '../../components/status';
import { formatDate, plural } from '../../components/format';
import '../../components/tables.css';
import { useRowKeyboard } from '../../components/useRowKeyboard';
import { useGaps } from '../gaps/gaps-store';
import { personName, usePeople } from '../people/people-store';
import { TASK_STATUS_LABEL, TASK_STATUS_TONE } from './labels';
import { PriorityLabel } from './PriorityLabel';
import { type TaskSortKey, filterTasks, useTaskTable } from './task-filters';
import { useTaskActions, useTasks } from './task-queries';

function Filters() {
  const filters = useTaskTable((s) => s.filters);
  const setFilter = useTaskTable((s) => s.setFilter);
  const showArchived = useTaskTable((s) => s.showArchived);
  const setShowArchived = useTaskTable((s) => s.setShowArchived);
  const archived = useTasks((s) => s.archived.length);
  const people = usePeople((s) => s.items);
  return (
    <Group gap="xs" data-testid="task-filters">
      <Select
        aria-label="Status"
        placeholder="Any status"
        data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABEL[s] }))}
        value={filters.status}
        onChange={(v) => setFilter('status', v as Task['status'] | null)}
        clearable
        w={170}
      />
      <OwnerFilter
        people={people}
        value={filters.owner}
        onChange={(v) => setFilter('owner', v)}
        noOwnerOption
        w={190}
      />
      <Switch
        label="Overdue only"
        checked={filters.overdueOnly}
        onChange={(e) => setFilter('overdueOnly', e.currentTarget.checked)}
        ml="xs"
      />
      <Switch
        label={archived > 0 ? `Show archived (${archived})` : 'Show archived'}
        checked={showArchived}
        onChange={(e) => setShowArchived(e.currentTarget.checked)}
        ml="xs"
      />
    </Group>
  );
}

/**
 * The plan as a table: filter, sort, and open a task beside it (Enter or a click). Archived
 * tasks are listed on request, marked, with Restore instead of opening.
 */
export function TaskTable(props: { tasks: readonly Task[]; onOpen(id: string): void }) {
  const people = usePeople((s) => s.items);
  const controls = useGaps((s) => s.controls);
  const { restore: restoreTask } = useTaskActions();
  const filters = useTaskTable((s) => s.filters);
  const sort = useTaskTable((s) => s.sort);
  const setSort = useTaskTable((s) => s.setSort);
  const showArchived = useTaskTable((s) => s.showArchived);
  const archived = useTasks((s) => s.archived);
  const listed = useMemo(
    () => (showArchived ? [...props.tasks, ...archived] : props.tasks),
    [showArchived, props.tasks, archived],
  );
  const rows = useMemo(() => filterTasks(listed, filters, sort), [listed, filters, sort]);
  const { bodyProps, rowProps } = useRowKeyboard(rows.length, (i) => {
    if (!rows[i]!.archived) props.onOpen(rows[i]!.id);
  });
  const th = (column: TaskSortKey, label: string, width: number) => (
    <SortableTh column={column} sort={sort} onSort={setSort} width={width}>
      {label}
    </SortableTh>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Filters />
        <Text size="sm" c="dimmed">
          {rows.length === listed.length
            ? plural(rows.length, 'task')
            : `${rows.length} of ${plural(listed.length, 'task')}`}
        </Text>
      </Group>
      <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
        <Table
          className="attest-table"
          stickyHeader
          stickyHeaderOffset={56}
          fz="sm"
          data-testid="task-table"
        >
          <Table.Thead>
            <Table.Tr>
              {th('ref', 'Ref', 80)}
              <Table.Th>Task</Table.Th>
              <Table.Th w={140}>Owner</Table.Th>
              {th('due', 'Due', 170)}
              {th('priority', 'Priority', 100)}
              {th('status', 'Status', 120)}
              <Table.Th w={110}>Controls</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody {...bodyProps}>
            {rows.map((t, i) => (
              <Table.Tr
                key={t.id}
                {...rowProps(i)}
                data-task-ref={t.ref}
                data-archived={t.archived || undefined}
                c={t.archived ? 'dimmed' : undefined}
              >
                <Table.Td className="attest-mono" fw={500}>
                  {t.ref}
                </Table.Td>
                <Table.Td>
                  {t.archived ? (
                    <Stack gap={4}>
                      <span>{t.title}</span>
                      <Group gap={6}>
                        <StatusBadge tone="neutral">Archived</StatusBadge>
                        <RestoreButton
                          what={t.ref}
                          done={`${t.ref} is back in the plan.`}
                          restore={() => restoreTask(t.id)}
                        />
                      </Group>
                    </Stack>
                  ) : (
                    t.title
                  )}
                </Table.Td>
                <Table.Td c={t.ownerId ? undefined : 'dimmed'}>
                  {personName(people, t.ownerId) ?? 'No owner'}
                </Table.Td>
                <Table.Td>
                  {t.overdue && !t.archived ? (
                    <StatusBadge tone="missing">Overdue · {formatDate(t.dueOn!)}</StatusBadge>
                  ) : t.dueOn ? (
                    formatDate(t.dueOn)
                  ) : (
                    <Text span size="sm" c="dimmed">
                      No date
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <PriorityLabel priority={t.priority} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge tone={TASK_STATUS_TONE[t.status]}>
                    {TASK_STATUS_LABEL[t.status]}
                  </StatusBadge>
                </Table.Td>
                <Table.Td className="attest-mono" fz="xs">
                  {t.controlIds
                    .map((id) => controls.find((c) => c.id === id)?.ref)
                    .filter(Boolean)
                    .join(' ') || '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="xl">
            No task matches these filters.
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

import { Group, Paper, Select, Stack, Switch, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { TASK_STATUSES, type Task } from '../../../shared/api/tasks';
import { StatusBadge } from '../../components/status';
import { formatDate, plural } from '../../components/format';
import { useGaps } from '../gaps/gaps-store';
import { personName, usePeople } from '../gaps/people-store';
import { TASK_STATUS_LABEL, TASK_STATUS_TONE } from './labels';
import { PriorityLabel } from './PriorityLabel';
import { type TaskSortKey, filterTasks, useTaskTable } from './task-filters';

function SortTh(props: { sortKey: TaskSortKey; w?: number; children: ReactNode }) {
  const sort = useTaskTable((s) => s.sort);
  const setSort = useTaskTable((s) => s.setSort);
  const active = sort.key === props.sortKey;
  const Icon = !active ? IconSelector : sort.descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th
      w={props.w}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <UnstyledButton onClick={() => setSort(props.sortKey)} fz="sm" fw={600}>
        <Group gap={4} wrap="nowrap">
          {props.children}
          <Icon size={13} stroke={1.8} aria-hidden color="var(--mantine-color-dimmed)" />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function Filters() {
  const filters = useTaskTable((s) => s.filters);
  const setFilter = useTaskTable((s) => s.setFilter);
  const people = usePeople((s) => s.people);
  const owners = useMemo(
    () => [
      { value: 'none', label: 'No owner' },
      ...people.map((p) => ({ value: p.id, label: p.name })),
    ],
    [people],
  );
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
      <Select
        aria-label="Owner"
        placeholder="Any owner"
        data={owners}
        value={filters.owner}
        onChange={(v) => setFilter('owner', v)}
        clearable
        searchable
        w={190}
      />
      <Switch
        label="Overdue only"
        checked={filters.overdueOnly}
        onChange={(e) => setFilter('overdueOnly', e.currentTarget.checked)}
        ml="xs"
      />
    </Group>
  );
}

/** The plan as a table: filter, sort, and open a task beside it (Enter or a click). */
export function TaskTable(props: { tasks: readonly Task[]; onOpen(id: string): void }) {
  const people = usePeople((s) => s.people);
  const controls = useGaps((s) => s.controls);
  const filters = useTaskTable((s) => s.filters);
  const sort = useTaskTable((s) => s.sort);
  const rows = useMemo(() => filterTasks(props.tasks, filters, sort), [props.tasks, filters, sort]);
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, index));
    setActive(i);
    body.current?.querySelector<HTMLElement>(`tr[data-index="${i}"]`)?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number, id: string) => {
    if (e.key === 'ArrowDown' || e.key === 'j') focusRow(i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') focusRow(i - 1);
    else if (e.key === 'Enter') props.onOpen(id);
    else return;
    e.preventDefault();
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Filters />
        <Text size="sm" c="dimmed">
          {rows.length === props.tasks.length
            ? plural(rows.length, 'task')
            : `${rows.length} of ${plural(props.tasks.length, 'task')}`}
        </Text>
      </Group>
      <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
        <Table
          stickyHeader
          stickyHeaderOffset={56}
          highlightOnHover
          verticalSpacing={7}
          fz="sm"
          data-testid="task-table"
        >
          <Table.Thead>
            <Table.Tr>
              <SortTh sortKey="ref" w={80}>
                Ref
              </SortTh>
              <Table.Th>Task</Table.Th>
              <Table.Th w={140}>Owner</Table.Th>
              <SortTh sortKey="due" w={170}>
                Due
              </SortTh>
              <SortTh sortKey="priority" w={100}>
                Priority
              </SortTh>
              <SortTh sortKey="status" w={120}>
                Status
              </SortTh>
              <Table.Th w={110}>Controls</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={body}>
            {rows.map((t, i) => (
              <Table.Tr
                key={t.id}
                data-index={i}
                data-task-ref={t.ref}
                tabIndex={i === active ? 0 : -1}
                onFocus={() => setActive(i)}
                onKeyDown={(e) => onKey(e, i, t.id)}
                onClick={() => props.onOpen(t.id)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td className="attest-mono" fw={500}>
                  {t.ref}
                </Table.Td>
                <Table.Td>{t.title}</Table.Td>
                <Table.Td c={t.ownerId ? undefined : 'dimmed'}>
                  {personName(people, t.ownerId) ?? 'No owner'}
                </Table.Td>
                <Table.Td>
                  {t.overdue ? (
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

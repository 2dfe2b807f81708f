import { Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo } from 'react';
import { TASK_STATUSES, type Task } from '../../../shared/api/tasks';
import { notifyError } from '../../app/notify';
import { OwnerFilter } from '../../components/OwnerFilter';
import { RestoreButton } from '../../components/RestoreButton';
import { StatusBadge } from '../../components/status';
import { formatDate, plural } from '../../components/format';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { useGaps } from '../gaps/gaps-store';
import { personName, usePeople } from '../people/people-store';
import { TASK_STATUS_LABEL, TASK_STATUS_TONE } from './labels';
import { PriorityLabel } from './PriorityLabel';
import { type TaskSortKey, useTaskTable } from './task-filters';
import { useTaskActions, useTaskPages, useTasks } from './task-queries';

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
 * The plan as a table on the shared one: the server filters, sorts and pages; Enter or a click
 * opens a task beside it. Archived tasks are listed on request, marked, with Restore instead
 * of opening.
 */
export function TaskTable(props: { onOpen(id: string): void }) {
  const { onOpen } = props;
  const people = usePeople((s) => s.items);
  const controls = useGaps((s) => s.controls);
  const { restore: restoreTask } = useTaskActions();
  const filters = useTaskTable((s) => s.filters);
  const sort = useTaskTable((s) => s.sort);
  const setSort = useTaskTable((s) => s.setSort);
  const showArchived = useTaskTable((s) => s.showArchived);
  const planned = useTasks((s) => s.tasks.length + (showArchived ? s.archived.length : 0));
  const { pages, loadMore, rows, total } = useTaskPages(filters, sort, showArchived);
  const { data, hasNextPage, isFetchingNextPage, error } = pages;
  useEffect(() => {
    if (error) notifyError(error);
  }, [error]);

  const controlRefs = useCallback(
    (ids: readonly string[]) =>
      ids
        .map((id) => controls.find((c) => c.id === id)?.ref)
        .filter(Boolean)
        .join(' ') || '—',
    [controls],
  );
  const columns = useMemo<DataColumn<Task, TaskSortKey>[]>(
    () => [
      {
        id: 'ref',
        header: 'Ref',
        sortKey: 'ref',
        width: 80,
        cell: (t) => (
          <Text span size="sm" className="attest-mono" fw={500}>
            {t.ref}
          </Text>
        ),
      },
      {
        id: 'title',
        header: 'Task',
        sortKey: 'title',
        cell: (t) =>
          t.archived ? (
            <Stack gap={4}>
              <span>{t.title}</span>
              {/* Restore is a button of its own, not the row's "open". */}
              <Group
                gap={6}
                onClick={(e) => e.stopPropagation()}
                onKeyDown={(e) => e.stopPropagation()}
              >
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
          ),
      },
      {
        id: 'owner',
        header: 'Owner',
        sortKey: 'owner',
        width: 140,
        cell: (t) => (
          <Text span size="sm" c={t.ownerId ? undefined : 'dimmed'}>
            {personName(people, t.ownerId) ?? 'No owner'}
          </Text>
        ),
      },
      {
        id: 'due',
        header: 'Due',
        sortKey: 'dueOn',
        width: 170,
        cell: (t) =>
          t.overdue && !t.archived ? (
            <StatusBadge tone="missing">Overdue · {formatDate(t.dueOn!)}</StatusBadge>
          ) : t.dueOn ? (
            formatDate(t.dueOn)
          ) : (
            <Text span size="sm" c="dimmed">
              No date
            </Text>
          ),
      },
      {
        id: 'priority',
        header: 'Priority',
        sortKey: 'priority',
        width: 100,
        cell: (t) => <PriorityLabel priority={t.priority} />,
      },
      {
        id: 'status',
        header: 'Status',
        sortKey: 'status',
        width: 120,
        cell: (t) => (
          <StatusBadge tone={TASK_STATUS_TONE[t.status]}>{TASK_STATUS_LABEL[t.status]}</StatusBadge>
        ),
      },
      {
        id: 'controls',
        header: 'Controls',
        width: 110,
        cell: (t) => (
          <Text span className="attest-mono" fz="xs">
            {controlRefs(t.controlIds)}
          </Text>
        ),
      },
    ],
    [people, restoreTask, controlRefs],
  );
  const open = useCallback(
    (t: Task) => {
      if (!t.archived) onOpen(t.id);
    },
    [onOpen],
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Filters />
        <Text size="sm" c="dimmed" data-testid="task-count">
          {total === planned ? plural(total, 'task') : `${total} of ${plural(planned, 'task')}`}
        </Text>
      </Group>
      <DataTable
        label="Tasks"
        testId="task-table"
        rows={rows}
        rowId={(t) => t.id}
        columns={columns}
        sort={sort}
        onSort={setSort}
        total={total}
        hasMore={hasNextPage}
        loadingMore={isFetchingNextPage}
        onLoadMore={() => void loadMore()}
        onOpen={open}
        rowHeight={39}
        rowData={(t) => ({ 'data-task-ref': t.ref, 'data-archived': t.archived || undefined })}
        resetKey={`${sort.key}:${sort.dir}:${showArchived}:${JSON.stringify(filters)}`}
        empty={data ? 'No task matches these filters.' : undefined}
      />
    </Stack>
  );
}

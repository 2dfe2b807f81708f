import { ActionIcon, Avatar, Badge, Group, Menu, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconDots, IconUserCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { PeopleSortKey, Person } from '../../../shared/api/people';
import { type DataColumn, DataTable, type SortState } from '../../components/table/DataTable';
import { initials } from './people-store';

/**
 * The directory as a table on the shared one: the server searches, sorts and pages (the page
 * asks `people.list`); Enter or a click opens the person, the menu holds the rest.
 */
export function PeopleTable(props: {
  people: readonly Person[];
  sort: SortState<PeopleSortKey>;
  onSort(key: PeopleSortKey): void;
  total: number;
  stale: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  resetKey: string;
  currentPersonId: string | null;
  selectedId: string | null;
  onOpen(person: Person): void;
  onMakeCurrent(person: Person): void;
  onArchive(person: Person, archived: boolean): void;
  empty: string | undefined;
}) {
  const { currentPersonId, onMakeCurrent, onArchive } = props;
  const columns = useMemo<DataColumn<Person, PeopleSortKey>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        sortKey: 'name',
        cell: (p) => (
          <Group gap="sm" wrap="nowrap">
            <Avatar
              size={26}
              radius="xl"
              color={p.id === currentPersonId ? 'teal' : 'gray'}
              aria-hidden
            >
              {initials(p.name)}
            </Avatar>
            <Text size="sm" fw={500}>
              {p.name}
            </Text>
            {p.id === currentPersonId && (
              <Badge size="xs" variant="light" color="teal" radius="sm" tt="none">
                You
              </Badge>
            )}
            {p.archived && (
              <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                Archived
              </Badge>
            )}
          </Group>
        ),
      },
      {
        id: 'email',
        header: 'Email',
        sortKey: 'email',
        cell: (p) => (
          <Text size="sm" c="dimmed">
            {p.email || '—'}
          </Text>
        ),
      },
      {
        id: 'role',
        header: 'Role',
        sortKey: 'role',
        cell: (p) => <Text size="sm">{p.role || '—'}</Text>,
      },
      {
        id: 'team',
        header: 'Team',
        sortKey: 'team',
        cell: (p) => <Text size="sm">{p.team || '—'}</Text>,
      },
      {
        id: 'actions',
        header: '',
        label: 'Actions',
        width: 48,
        interactive: true,
        cell: (p) => (
          <PersonMenu
            person={p}
            current={p.id === currentPersonId}
            onMakeCurrent={onMakeCurrent}
            onArchive={onArchive}
          />
        ),
      },
    ],
    [currentPersonId, onMakeCurrent, onArchive],
  );
  return (
    <DataTable
      label="People"
      testId="people-table"
      rows={props.people}
      rowId={(p) => p.id}
      columns={columns}
      sort={props.sort}
      onSort={props.onSort}
      total={props.total}
      stale={props.stale}
      hasMore={props.hasMore}
      loadingMore={props.loadingMore}
      onLoadMore={props.onLoadMore}
      resetKey={props.resetKey}
      onOpen={props.onOpen}
      activeId={props.selectedId}
      rowHeight={39}
      rowData={(p) => ({ 'data-testid': 'person-row', 'data-archived': p.archived })}
      empty={props.empty}
    />
  );
}

function PersonMenu(props: {
  person: Person;
  current: boolean;
  onMakeCurrent(person: Person): void;
  onArchive(person: Person, archived: boolean): void;
}) {
  const { person: p, current } = props;
  return (
    <Menu>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`More for ${p.name}`}
          tabIndex={-1}
        >
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconUserCheck size={16} />}
          disabled={current || p.archived}
          onClick={() => props.onMakeCurrent(p)}
        >
          This is me
        </Menu.Item>
        {p.archived ? (
          <Menu.Item
            leftSection={<IconArchiveOff size={16} />}
            onClick={() => props.onArchive(p, false)}
          >
            Restore
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconArchive size={16} />}
            disabled={current}
            onClick={() => props.onArchive(p, true)}
          >
            Archive
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

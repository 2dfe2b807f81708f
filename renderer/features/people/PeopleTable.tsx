import { ActionIcon, Avatar, Badge, Group, Menu, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconDots, IconUserCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { Person } from '../../../shared/api/people';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { initials } from './people-store';

/** The directory as a table: Enter or a click opens the person, the menu holds the rest. */
export function PeopleTable(props: {
  people: Person[];
  currentPersonId: string | null;
  selectedId: string | null;
  onOpen(person: Person): void;
  onMakeCurrent(person: Person): void;
  onArchive(person: Person, archived: boolean): void;
  empty: string;
}) {
  const { currentPersonId, onMakeCurrent, onArchive } = props;
  const columns = useMemo<DataColumn<Person>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
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
        cell: (p) => (
          <Text size="sm" c="dimmed">
            {p.email || '—'}
          </Text>
        ),
      },
      { id: 'role', header: 'Role', cell: (p) => <Text size="sm">{p.role || '—'}</Text> },
      { id: 'team', header: 'Team', cell: (p) => <Text size="sm">{p.team || '—'}</Text> },
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

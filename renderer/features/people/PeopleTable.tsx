import { ActionIcon, Avatar, Badge, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconDots, IconUserCheck } from '@tabler/icons-react';
import type { Person } from '../../../shared/api/people';
import '../../components/tables.css';
import { useRowKeyboard } from '../../components/useRowKeyboard';
import { initials } from './people-store';

/** The directory as a table: Enter or a click opens the person, the menu holds the rest. */
export function PeopleTable(props: {
  people: Person[];
  currentPersonId: string | null;
  selectedId: string | null;
  onOpen(person: Person): void;
  onMakeCurrent(person: Person): void;
  onArchive(person: Person, archived: boolean): void;
}) {
  const { bodyProps, rowProps } = useRowKeyboard(props.people.length, (i) =>
    props.onOpen(props.people[i]!),
  );
  return (
    <Table
      className="attest-table"
      stickyHeader
      stickyHeaderOffset={56}
      highlightOnHover={false}
      verticalSpacing={6}
      data-testid="people-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Email</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Team</Table.Th>
          <Table.Th w={48}>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody {...bodyProps}>
        {props.people.map((p, i) => {
          const current = p.id === props.currentPersonId;
          return (
            <Table.Tr
              key={p.id}
              {...rowProps(i)}
              data-selected={p.id === props.selectedId}
              data-archived={p.archived}
              data-testid="person-row"
            >
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar size={26} radius="xl" color={current ? 'teal' : 'gray'} aria-hidden>
                    {initials(p.name)}
                  </Avatar>
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  {current && (
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
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {p.email || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.role || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.team || '—'}</Text>
              </Table.Td>
              <Table.Td onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
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
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { DOMAIN_LABELS, FREQUENCY_LABELS } from '../../../../shared/domain/catalog';
import { SortableTh, nextSort } from '../../../components/SortableTh';
import '../../../components/tables.css';
import { useRowKeyboard } from '../../../components/useRowKeyboard';
import { usePeople } from '../../people/people-store';
import { useScopeControls } from '../scope-queries';
import { visibleControls } from './controls-table';
import { type ControlSortKey, useScopeView } from './view-store';

/**
 * Every control as a compact, sortable table; j/k or arrows move, Enter opens the drawer. At 150
 * controls (the library's size) every row is rendered; no windowing is needed.
 */
export function ControlsTable(props: { selected: string | null; onOpen(id: string): void }) {
  const { controls } = useScopeControls();
  const people = usePeople((s) => s.items);
  const filters = useScopeView((s) => s.controls);
  const setFilters = useScopeView((s) => s.setControls);
  const nameOf = useMemo(() => {
    const names = new Map(people.map((p) => [p.id, p.name]));
    return (id: string | null) => (id ? (names.get(id) ?? '') : '');
  }, [people]);
  const rows = useMemo(
    () => visibleControls(controls, filters, nameOf),
    [controls, filters, nameOf],
  );
  const { bodyProps, rowProps } = useRowKeyboard(rows.length, (i) => props.onOpen(rows[i]!.id));
  const sortBy = (key: ControlSortKey) => setFilters({ sort: nextSort(filters.sort, key) });
  const th = (key: ControlSortKey, label: string, width?: number | string) => (
    <SortableTh column={key} sort={filters.sort} onSort={sortBy} width={width}>
      {label}
    </SortableTh>
  );

  if (rows.length === 0) {
    return (
      <Paper withBorder p="xl" radius="lg">
        <Text size="sm" c="dimmed" ta="center">
          No control matches these filters.
        </Text>
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
      <Table
        className="attest-table"
        stickyHeader
        stickyHeaderOffset={56}
        data-testid="controls-table"
      >
        <Table.Thead>
          <Table.Tr>
            {th('ref', 'Ref', 92)}
            {th('title', 'Control')}
            {th('domain', 'Domain', 170)}
            {th('owner', 'Owner', 150)}
            {th('frequency', 'Frequency', 120)}
            {th('criteria', 'Criteria', 150)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody {...bodyProps}>
          {rows.map((c, i) => (
            <Table.Tr
              key={c.id}
              {...rowProps(i)}
              data-selected={props.selected === c.id}
              data-archived={c.archived}
              data-testid="control-row"
              aria-label={`${c.ref} ${c.title}`}
            >
              <Table.Td>
                <Text size="sm" fw={600} className="attest-mono">
                  {c.ref}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" lineClamp={1}>
                    {c.title}
                  </Text>
                  {c.source === 'custom' && (
                    <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                      Custom
                    </Badge>
                  )}
                  {c.archived && (
                    <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                      Archived
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {DOMAIN_LABELS[c.domain]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={c.ownerId ? undefined : 'dimmed'}>
                  {nameOf(c.ownerId) || c.ownerRole || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{FREQUENCY_LABELS[c.frequency]}</Text>
              </Table.Td>
              <Table.Td>
                <Text
                  size="xs"
                  className="attest-mono"
                  c="dimmed"
                  lineClamp={1}
                  title={c.criteria.join(', ')}
                >
                  {c.criteria.join(' ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

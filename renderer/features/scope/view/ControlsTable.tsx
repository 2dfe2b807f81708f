import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo } from 'react';
import type { Control } from '../../../../shared/api/controls';
import { DOMAIN_LABELS, FREQUENCY_LABELS } from '../../../../shared/domain/catalog';
import { notifyError } from '../../../app/notify';
import { nextSort } from '../../../components/table/sort';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';
import { usePeople } from '../../people/people-store';
import { useVaultPages } from '../../vault/use-vault-pages';
import { controlListInput } from './controls-table';
import { type ControlSortKey, useScopeView } from './view-store';

/**
 * Every control as a compact, sortable table on the shared DataTable: the server filters, sorts
 * and pages (`controls.list`), only the rows in view are drawn; j/k or arrows move, Enter opens
 * the drawer, Esc there comes back to the row.
 */
export function ControlsTable(props: { selected: string | null; onOpen(id: string): void }) {
  const people = usePeople((s) => s.items);
  const filters = useScopeView((s) => s.controls);
  const setFilters = useScopeView((s) => s.setControls);
  // A pause in typing asks the server, not every key.
  const [search] = useDebouncedValue(filters.search, 200);
  const input = controlListInput({ ...filters, search });
  const { pages, loadMore, rows, total, stale } = useVaultPages('controls.list', input);
  const { data, hasNextPage, isFetchingNextPage, error } = pages;
  useEffect(() => {
    if (error) notifyError(error);
  }, [error]);
  const nameOf = useMemo(() => {
    const names = new Map(people.map((p) => [p.id, p.name]));
    return (id: string | null) => (id ? (names.get(id) ?? '') : '');
  }, [people]);
  const columns = useMemo(() => controlColumns(nameOf), [nameOf]);
  const { onOpen } = props;
  const open = useCallback((c: Control) => onOpen(c.id), [onOpen]);

  return (
    <DataTable<Control, ControlSortKey>
      label="Controls"
      testId="controls-table"
      rows={rows}
      rowId={controlId}
      rowLabel={controlName}
      rowData={rowData}
      columns={columns}
      sort={filters.sort}
      onSort={(key) => setFilters({ sort: nextSort(filters.sort, key) })}
      total={total}
      stale={stale}
      hasMore={hasNextPage}
      loadingMore={isFetchingNextPage}
      onLoadMore={() => void loadMore()}
      onOpen={open}
      activeId={props.selected}
      rowHeight={37}
      resetKey={JSON.stringify(input)}
      empty={data ? 'No control matches these filters.' : undefined}
    />
  );
}

const controlId = (c: Control) => c.id;
const controlName = (c: Control) => `${c.ref} ${c.title}`;
const rowData = (c: Control) => ({
  'data-testid': 'control-row',
  'data-ref': c.ref,
  'data-archived': c.archived,
});

function controlColumns(
  nameOf: (id: string | null) => string,
): DataColumn<Control, ControlSortKey>[] {
  return [
    {
      id: 'ref',
      header: 'Ref',
      sortKey: 'ref',
      width: 92,
      cell: (c) => (
        <Text size="sm" fw={600} className="attest-mono">
          {c.ref}
        </Text>
      ),
    },
    {
      id: 'title',
      header: 'Control',
      sortKey: 'title',
      cell: (c) => (
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
      ),
    },
    {
      id: 'domain',
      header: 'Domain',
      sortKey: 'domain',
      width: 170,
      cell: (c) => (
        <Text size="sm" c="dimmed">
          {DOMAIN_LABELS[c.domain]}
        </Text>
      ),
    },
    {
      id: 'owner',
      header: 'Owner',
      sortKey: 'owner',
      width: 150,
      cell: (c) => (
        <Text size="sm" c={c.ownerId ? undefined : 'dimmed'}>
          {nameOf(c.ownerId) || c.ownerRole || '—'}
        </Text>
      ),
    },
    {
      id: 'frequency',
      header: 'Frequency',
      sortKey: 'frequency',
      width: 120,
      cell: (c) => <Text size="sm">{FREQUENCY_LABELS[c.frequency]}</Text>,
    },
    {
      id: 'criteria',
      header: 'Criteria',
      sortKey: 'criteria',
      width: 150,
      cell: (c) => (
        <Text
          size="xs"
          className="attest-mono"
          c="dimmed"
          lineClamp={1}
          title={c.criteria.join(', ')}
        >
          {c.criteria.join(' ')}
        </Text>
      ),
    },
  ];
}

import { Button, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconChevronDown } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AssessedControl } from '../../../../shared/api/gaps';
import type { AssessmentStatus } from '../../../../shared/domain/coverage';
import { FREQUENCY_LABELS } from '../../../../shared/domain/catalog';
import { notifyError } from '../../../app/notify';
import { StatusBadge } from '../../../components/status';
import { plural } from '../../../components/format';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';
import { NOTHING_SELECTED, type Selection } from '../../../components/table/selection';
import { useVaultPages } from '../../vault/use-vault-pages';
import { useGaps } from '../gaps-store';
import { ASSESSMENT_BADGE, ASSESSMENT_TONE, STATUS_KEYS } from '../labels';
import { personName, usePeople } from '../../people/people-store';
import { byCriterion } from '../coverage-map/coverage-groups';
import { BulkStatusModal } from './BulkStatusModal';
import { ControlDrawer } from './ControlDrawer';
import { ControlFiltersBar } from './ControlFiltersBar';
import { bulkTarget } from './bulk-selection';
import {
  type SortKey,
  WARNING,
  serverFilter,
  tableInput,
  useControlTable,
} from './control-filters';

type Row = AssessedControl;

/**
 * Every control with its status, owner, frequency and criteria on the shared DataTable; the
 * server filters, sorts and pages (`assessments.controls`). Tick several — or every one the
 * filters select, loaded or not — to give them one status at once.
 */
export function ControlsTable() {
  const active = useGaps((s) => s.controls.length);
  const people = usePeople((s) => s.items);
  const filters = useControlTable((s) => s.filters);
  const sort = useControlTable((s) => s.sort);
  const setSort = useControlTable((s) => s.setSort);
  const [params, setParams] = useSearchParams();
  const [bulkStatus, setBulkStatus] = useState<AssessmentStatus | null>(null);

  // A pause in typing asks the server, not every key.
  const [search] = useDebouncedValue(filters.search, 200);
  const shownFilters = useMemo(() => ({ ...filters, search }), [filters, search]);
  const input = tableInput(shownFilters, sort);
  const inputKey = JSON.stringify(input);
  const { pages, loadMore, rows, total, stale } = useVaultPages('assessments.controls', input);
  const { data, hasNextPage, isFetchingNextPage, error } = pages;
  useEffect(() => {
    if (error) notifyError(error);
  }, [error]);
  // Ticks belong to the filters they were made under: other filters, other rows, and a tick
  // never carries over to rows the user has not seen ticked.
  const [ticks, setTicks] = useState<{ key: string; selection: Selection }>({
    key: inputKey,
    selection: NOTHING_SELECTED,
  });
  const selection = ticks.key === inputKey ? ticks.selection : NOTHING_SELECTED;
  const setSelection = useCallback(
    (next: Selection) => setTicks({ key: inputKey, selection: next }),
    [inputKey],
  );

  const target = useMemo(
    () =>
      bulkTarget(
        selection,
        rows.map((r) => ({ id: r.control.id, ref: r.control.ref })),
        serverFilter(shownFilters),
        total,
      ),
    [selection, rows, shownFilters, total],
  );
  const ownerName = useCallback((id: string | null) => personName(people, id), [people]);
  const columns = useMemo(() => controlColumns(ownerName), [ownerName]);
  const open = useCallback(
    (r: Row) => setParams({ view: 'table', control: r.control.id }),
    [setParams],
  );

  return (
    <Stack gap="sm">
      <ControlFiltersBar />
      <Text size="sm" c="dimmed" data-testid="controls-count">
        {total === active ? plural(active, 'control') : `${total} of ${plural(active, 'control')}`}
      </Text>
      <DataTable<Row, SortKey>
        label="Controls and their assessments"
        testId="controls-table"
        rows={rows}
        rowId={controlId}
        rowLabel={controlName}
        rowData={rowData}
        columns={columns}
        sort={sort}
        onSort={setSort}
        total={total}
        stale={stale}
        hasMore={hasNextPage}
        loadingMore={isFetchingNextPage}
        onLoadMore={() => void loadMore()}
        onOpen={open}
        activeId={params.get('control')}
        rowHeight={37}
        resetKey={inputKey}
        empty={data ? 'No control matches these filters.' : undefined}
        selection={{
          value: selection,
          onChange: setSelection,
          noun: ['control', 'controls'],
          actions: (
            <Menu>
              <Menu.Target>
                <Button size="xs" rightSection={<IconChevronDown size={14} />}>
                  Set status
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {STATUS_KEYS.map(({ status, label }) => (
                  <Menu.Item key={status} onClick={() => setBulkStatus(status)}>
                    {label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ),
        }}
      />
      <BulkStatusModal
        target={target}
        status={bulkStatus}
        onClose={() => setBulkStatus(null)}
        onDone={() => {
          setBulkStatus(null);
          setSelection(NOTHING_SELECTED);
        }}
      />
      <ControlDrawer
        controlId={params.get('control')}
        onClose={() => setParams({ view: 'table' })}
      />
    </Stack>
  );
}

const controlId = (r: Row) => r.control.id;
const controlName = (r: Row) => `${r.control.ref} ${r.control.title}`;
const rowData = (r: Row) => ({ 'data-control-ref': r.control.ref });

function controlColumns(
  ownerName: (id: string | null) => string | null,
): DataColumn<Row, SortKey>[] {
  return [
    {
      id: 'ref',
      header: 'Ref',
      sortKey: 'ref',
      width: 90,
      cell: (r) => (
        <Text span size="sm" fw={500} className="attest-mono">
          {r.control.ref}
        </Text>
      ),
    },
    { id: 'title', header: 'Control', sortKey: 'title', cell: (r) => r.control.title },
    {
      id: 'status',
      header: 'Status',
      sortKey: 'status',
      width: 210,
      cell: (r) => (
        <StatusBadge tone={ASSESSMENT_TONE[r.status]}>{ASSESSMENT_BADGE[r.status]}</StatusBadge>
      ),
    },
    {
      id: 'owner',
      header: 'Owner',
      sortKey: 'owner',
      width: 150,
      cell: (r) => (
        <Text span size="sm" c={r.control.ownerId ? undefined : 'dimmed'}>
          {ownerName(r.control.ownerId) ?? 'No owner'}
        </Text>
      ),
    },
    {
      id: 'frequency',
      header: 'Frequency',
      width: 110,
      cell: (r) => FREQUENCY_LABELS[r.control.frequency],
    },
    {
      id: 'criteria',
      header: 'Criteria',
      width: 130,
      cell: (r) => (
        <Text span size="xs" className="attest-mono">
          {[...r.control.criteria].sort(byCriterion).join(' ')}
        </Text>
      ),
    },
    {
      id: 'warnings',
      header: '',
      label: 'Warnings',
      width: 36,
      cell: (r) => <Warnings row={r} />,
    },
  ];
}

function Warnings({ row }: { row: Row }) {
  const warnings = row.warnings.map((w) => WARNING[w]);
  if (warnings.length === 0) return null;
  return (
    <Tooltip label={warnings.map((w) => w.text).join(' · ')} multiline maw={260}>
      <IconAlertTriangle
        size={16}
        color="var(--mantine-color-red-text)"
        aria-label={`Warnings: ${warnings.map((w) => w.text).join('; ')}`}
        role="img"
      />
    </Tooltip>
  );
}

import { Button, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Control } from '../../../../shared/api/controls';
import type { AssessmentStatus } from '../../../../shared/domain/coverage';
import { FREQUENCY_LABELS } from '../../../../shared/domain/catalog';
import { StatusBadge } from '../../../components/status';
import { plural } from '../../../components/format';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';
import { NOTHING_SELECTED, type Selection } from '../../../components/table/selection';
import { useGaps } from '../gaps-store';
import { ASSESSMENT_BADGE, ASSESSMENT_TONE, STATUS_KEYS } from '../labels';
import { personName, usePeople } from '../../people/people-store';
import { byCriterion } from '../coverage-map/coverage-groups';
import { BulkStatusModal } from './BulkStatusModal';
import { ControlDrawer } from './ControlDrawer';
import { ControlFiltersBar } from './ControlFiltersBar';
import { tickedAmong } from './bulk-selection';
import {
  type SortKey,
  type TableContext,
  controlWarnings,
  filterAndSort,
  stateOf,
  useControlTable,
} from './control-filters';

/**
 * Every control with its status, owner, frequency and criteria on the shared DataTable; tick
 * several (or every one the filters show) to give them one status at once.
 */
export function ControlsTable() {
  const controls = useGaps((s) => s.controls);
  const assessments = useGaps((s) => s.assessments);
  const summary = useGaps((s) => s.summary);
  const people = usePeople((s) => s.items);
  const filters = useControlTable((s) => s.filters);
  const sort = useControlTable((s) => s.sort);
  const setSort = useControlTable((s) => s.setSort);
  const [params, setParams] = useSearchParams();
  const [selection, setSelection] = useState<Selection>(NOTHING_SELECTED);
  const [bulkStatus, setBulkStatus] = useState<AssessmentStatus | null>(null);

  const context = useMemo<TableContext>(
    () => ({ assessments, summary, ownerName: (id) => personName(people, id) }),
    [assessments, summary, people],
  );
  const rows = useMemo(
    () => filterAndSort(controls, filters, sort, context),
    [controls, filters, sort, context],
  );
  // Every active control is in the window (one cached read), so the filters are applied here
  // and "all matching" is every row shown. A tick on a row the filters now hide does not count:
  // a bulk change applies to what the user sees ticked.
  const ticked = useMemo(
    () =>
      tickedAmong(
        selection,
        rows.map((c) => c.id),
      ),
    [selection, rows],
  );
  const shownSelection = useMemo<Selection>(
    () => ({ kind: 'some', ids: new Set(ticked) }),
    [ticked],
  );
  const columns = useMemo(() => controlColumns(context), [context]);
  const open = useCallback(
    (c: Control) => setParams({ view: 'table', control: c.id }),
    [setParams],
  );

  return (
    <Stack gap="sm">
      <ControlFiltersBar />
      <Text size="sm" c="dimmed" data-testid="controls-count">
        {rows.length === controls.length
          ? plural(controls.length, 'control')
          : `${rows.length} of ${plural(controls.length, 'control')}`}
      </Text>
      <DataTable<Control, SortKey>
        label="Controls and their assessments"
        testId="controls-table"
        rows={rows}
        rowId={controlId}
        rowLabel={controlName}
        rowData={rowData}
        columns={columns}
        sort={sort}
        onSort={setSort}
        total={rows.length}
        onOpen={open}
        activeId={params.get('control')}
        rowHeight={37}
        resetKey={JSON.stringify([filters, sort])}
        empty="No control matches these filters."
        selection={{
          value: shownSelection,
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
        controlIds={ticked}
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

const controlId = (c: Control) => c.id;
const controlName = (c: Control) => `${c.ref} ${c.title}`;
const rowData = (c: Control) => ({ 'data-control-ref': c.ref });

function controlColumns(ctx: TableContext): DataColumn<Control, SortKey>[] {
  return [
    {
      id: 'ref',
      header: 'Ref',
      sortKey: 'ref',
      width: 90,
      cell: (c) => (
        <Text span size="sm" fw={500} className="attest-mono">
          {c.ref}
        </Text>
      ),
    },
    { id: 'title', header: 'Control', sortKey: 'title', cell: (c) => c.title },
    {
      id: 'status',
      header: 'Status',
      sortKey: 'status',
      width: 210,
      cell: (c) => {
        const state = stateOf(ctx.assessments, c.id);
        return <StatusBadge tone={ASSESSMENT_TONE[state]}>{ASSESSMENT_BADGE[state]}</StatusBadge>;
      },
    },
    {
      id: 'owner',
      header: 'Owner',
      sortKey: 'owner',
      width: 150,
      cell: (c) => (
        <Text span size="sm" c={c.ownerId ? undefined : 'dimmed'}>
          {ctx.ownerName(c.ownerId) ?? 'No owner'}
        </Text>
      ),
    },
    {
      id: 'frequency',
      header: 'Frequency',
      width: 110,
      cell: (c) => FREQUENCY_LABELS[c.frequency],
    },
    {
      id: 'criteria',
      header: 'Criteria',
      width: 130,
      cell: (c) => (
        <Text span size="xs" className="attest-mono">
          {[...c.criteria].sort(byCriterion).join(' ')}
        </Text>
      ),
    },
    {
      id: 'warnings',
      header: '',
      label: 'Warnings',
      width: 36,
      cell: (c) => <Warnings control={c} ctx={ctx} />,
    },
  ];
}

function Warnings({ control, ctx }: { control: Control; ctx: TableContext }) {
  const warnings = controlWarnings(control, ctx.summary);
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

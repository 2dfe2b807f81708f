import {
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconChevronDown } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AssessmentStatus } from '../../../../shared/domain/coverage';
import { FREQUENCY_LABELS } from '../../../../shared/domain/catalog';
import { SortableTh } from '../../../components/SortableTh';
import { StatusBadge } from '../../../components/status';
import { plural } from '../../../components/format';
import '../../../components/tables.css';
import { useRowKeyboard } from '../../../components/useRowKeyboard';
import { useGaps } from '../gaps-store';
import { ASSESSMENT_BADGE, ASSESSMENT_TONE, STATUS_KEYS } from '../labels';
import { personName, usePeople } from '../../people/people-store';
import { byCriterion } from '../coverage-map/coverage-groups';
import { BulkStatusModal } from './BulkStatusModal';
import { ControlDrawer } from './ControlDrawer';
import { ControlFiltersBar } from './ControlFiltersBar';
import {
  type SortKey,
  controlWarnings,
  filterAndSort,
  stateOf,
  useControlTable,
} from './control-filters';

/** Every control with its status, owner, frequency and criteria; select several to assess at once. */
export function ControlsTable() {
  const controls = useGaps((s) => s.controls);
  const assessments = useGaps((s) => s.assessments);
  const summary = useGaps((s) => s.summary);
  const people = usePeople((s) => s.items);
  const filters = useControlTable((s) => s.filters);
  const sort = useControlTable((s) => s.sort);
  const setSort = useControlTable((s) => s.setSort);
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkStatus, setBulkStatus] = useState<AssessmentStatus | null>(null);

  const rows = useMemo(
    () =>
      filterAndSort(controls, filters, sort, {
        assessments,
        summary,
        ownerName: (id) => personName(people, id),
      }),
    [controls, filters, sort, assessments, summary, people],
  );
  const visibleSelected = rows.filter((c) => selected.has(c.id));
  const allSelected = rows.length > 0 && visibleSelected.length === rows.length;

  const open = (id: string) => setParams({ view: 'table', control: id });
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const { bodyProps, rowProps } = useRowKeyboard(
    rows.length,
    (i) => open(rows[i]!.id),
    (i) => toggle(rows[i]!.id),
  );
  const th = (column: SortKey, label: string, width?: number) => (
    <SortableTh column={column} sort={sort} onSort={setSort} width={width}>
      {label}
    </SortableTh>
  );

  return (
    <Stack gap="sm" data-testid="controls-table">
      <ControlFiltersBar />
      <Group justify="space-between" mih={32}>
        <Text size="sm" c="dimmed" data-testid="controls-count">
          {rows.length === controls.length
            ? plural(controls.length, 'control')
            : `${rows.length} of ${plural(controls.length, 'control')}`}
        </Text>
        {visibleSelected.length > 0 && (
          <Group gap="xs" data-testid="bulk-bar">
            <Text size="sm" fw={500}>
              {visibleSelected.length} selected
            </Text>
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
            <Button size="xs" variant="subtle" color="gray" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
        <Table className="attest-table" stickyHeader stickyHeaderOffset={56} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select all shown controls"
                  checked={allSelected}
                  indeterminate={visibleSelected.length > 0 && !allSelected}
                  onChange={() =>
                    setSelected(allSelected ? new Set() : new Set(rows.map((c) => c.id)))
                  }
                  size="xs"
                />
              </Table.Th>
              {th('ref', 'Ref', 90)}
              {th('title', 'Control')}
              {th('status', 'Status', 210)}
              {th('owner', 'Owner', 150)}
              <Table.Th w={110}>Frequency</Table.Th>
              <Table.Th w={130}>Criteria</Table.Th>
              <Table.Th w={36}>
                <VisuallyHidden>Warnings</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody {...bodyProps}>
            {rows.map((c, i) => {
              const state = stateOf(assessments, c.id);
              const warnings = controlWarnings(c, summary);
              return (
                <Table.Tr
                  key={c.id}
                  {...rowProps(i)}
                  data-control-ref={c.ref}
                  data-selected={selected.has(c.id)}
                >
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      aria-label={`Select ${c.ref}`}
                      checked={selected.has(c.id)}
                      onChange={() => toggle(c.id)}
                      size="xs"
                      tabIndex={-1}
                    />
                  </Table.Td>
                  <Table.Td className="attest-mono" fw={500}>
                    {c.ref}
                  </Table.Td>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td>
                    <StatusBadge tone={ASSESSMENT_TONE[state]}>
                      {ASSESSMENT_BADGE[state]}
                    </StatusBadge>
                  </Table.Td>
                  <Table.Td c={c.ownerId ? undefined : 'dimmed'}>
                    {personName(people, c.ownerId) ?? 'No owner'}
                  </Table.Td>
                  <Table.Td>{FREQUENCY_LABELS[c.frequency]}</Table.Td>
                  <Table.Td className="attest-mono" fz="xs">
                    {[...c.criteria].sort(byCriterion).join(' ')}
                  </Table.Td>
                  <Table.Td>
                    {warnings.length > 0 && (
                      <Tooltip label={warnings.map((w) => w.text).join(' · ')} multiline maw={260}>
                        <IconAlertTriangle
                          size={16}
                          color="var(--mantine-color-red-text)"
                          aria-label={`Warnings: ${warnings.map((w) => w.text).join('; ')}`}
                          role="img"
                        />
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="xl">
            No control matches these filters.
          </Text>
        )}
      </Paper>
      <BulkStatusModal
        controlIds={visibleSelected.map((c) => c.id)}
        status={bulkStatus}
        onClose={() => setBulkStatus(null)}
        onDone={() => {
          setBulkStatus(null);
          setSelected(new Set());
        }}
      />
      <ControlDrawer
        controlId={params.get('control')}
        onClose={() => setParams({ view: 'table' })}
      />
    </Stack>
  );
}

import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Control } from '../../../shared/api/controls';
import type { SelfTestSummary } from '../../../shared/api/self-tests';
import { FREQUENCY_LABELS } from '../../../shared/domain/catalog';
import { formatDate, plural } from '../../components/format';
import { StatusBadge } from '../../components/status';
import { type DataColumn, DataTable, type SortState } from '../../components/table/DataTable';
import { TEST_STATUS_LABEL, TEST_STATUS_TONE, statusOf } from './test-status';
import { type TestingSortKey, usePlan } from './testing-queries';

export interface TestingRow {
  control: Control;
  /** Its self-tests, oldest first. */
  tests: SelfTestSummary[];
}

/** "25 (20–40)": the size the table suggests with its range, read per row as it is drawn. */
function SuggestedSize({ controlId }: { controlId: string }) {
  const plan = usePlan(controlId).data;
  if (!plan)
    return (
      <Text size="sm" c="dimmed">
        …
      </Text>
    );
  if (plan.mode === 'needs_population') {
    return (
      <Text size="sm" c="dimmed">
        Needs a population
      </Text>
    );
  }
  const range =
    plan.range && plan.range.max !== plan.range.min ? ` (${plan.range.min}–${plan.range.max})` : '';
  return (
    <Text size="sm" title={plan.basis}>
      {plan.size}
      {range}
    </Text>
  );
}

/**
 * The in-scope controls, each with its suggested sample, last test and deviations. The server
 * searches, sorts (by the control's own columns) and pages the controls.
 */
export function TestingTable(props: {
  rows: TestingRow[];
  sort: SortState<TestingSortKey>;
  onSort(key: TestingSortKey): void;
  total: number;
  stale: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  resetKey: string;
  onOpen(row: TestingRow): void;
  empty: string | undefined;
}) {
  const columns = useMemo<DataColumn<TestingRow, TestingSortKey>[]>(
    () => [
      {
        id: 'ref',
        sortKey: 'ref',
        header: 'Ref',
        width: 90,
        cell: (r) => (
          <Text size="sm" className="attest-mono">
            {r.control.ref}
          </Text>
        ),
      },
      {
        id: 'title',
        header: 'Control',
        sortKey: 'title',
        cell: (r) => <Text size="sm">{r.control.title}</Text>,
      },
      {
        id: 'frequency',
        sortKey: 'frequency',
        header: 'Frequency',
        width: 110,
        cell: (r) => <Text size="sm">{FREQUENCY_LABELS[r.control.frequency]}</Text>,
      },
      {
        id: 'size',
        header: 'Suggested sample',
        width: 140,
        cell: (r) => <SuggestedSize controlId={r.control.id} />,
      },
      {
        id: 'last',
        header: 'Last test',
        width: 200,
        cell: (r) => {
          const last = r.tests.at(-1);
          return last ? (
            <Text size="sm">
              {formatDate(last.drawnAt.slice(0, 10))} · {last.drawnBy} ·{' '}
              {plural(last.sampleSize, 'item')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          );
        },
      },
      {
        id: 'deviations',
        header: 'Deviations',
        width: 210,
        cell: (r) => {
          const last = r.tests.at(-1);
          return (
            <Text size="sm" c={last ? undefined : 'dimmed'}>
              {last ? last.result : '—'}
            </Text>
          );
        },
      },
      {
        id: 'status',
        header: 'Status',
        width: 140,
        cell: (r) => {
          const status = statusOf(r.tests.at(-1));
          return (
            <span data-status={status}>
              <StatusBadge tone={TEST_STATUS_TONE[status]}>{TEST_STATUS_LABEL[status]}</StatusBadge>
            </span>
          );
        },
      },
    ],
    [],
  );
  return (
    <DataTable
      label="Controls to self-test"
      testId="testing-table"
      rows={props.rows}
      rowId={(r) => r.control.id}
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
      rowData={(r) => ({ 'data-ref': r.control.ref, 'data-status': statusOf(r.tests.at(-1)) })}
      rowLabel={(r) => `${r.control.ref} ${r.control.title}`}
      empty={props.empty}
      fixedLayout
    />
  );
}

import { Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { AuditRequest } from '../../../../shared/api/requests';
import { plural } from '../../../components/format';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';
import {
  AuditorCell,
  CommentsCell,
  CriteriaChips,
  Dash,
  DescriptionCell,
  DueCell,
  OwnerCell,
  StatusCell,
  TypeCell,
} from './RequestCells';
import type { RequestSort, RequestSortKey } from './table-query';
import './requests-table.css';

/**
 * The auditor's requests, one compact line each, on the shared table: the server sorts, filters
 * and pages; only the rows in view are drawn, so five thousand scroll as smoothly as ten.
 */
export function RequestTable(props: {
  rows: readonly AuditRequest[];
  /** Requests matching the filters, loaded or not. */
  total: number;
  /** Requests in the whole list. */
  overall: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  sort: RequestSort;
  onSort(key: RequestSortKey): void;
  selectedId: string | null;
  onOpen(id: string): void;
  ownerName(request: AuditRequest): string | null;
  /** Changes with the sort and the filters: the list then starts at the top again. */
  resetKey: string;
}) {
  const { ownerName, onOpen } = props;
  const columns = useMemo<DataColumn<AuditRequest, RequestSortKey>[]>(
    () => [
      {
        id: 'ref',
        header: 'Ref',
        sortKey: 'ref',
        width: 84,
        cell: (r) => <span className="attest-mono attest-request-ref">{r.ref}</span>,
      },
      {
        id: 'description',
        header: 'Description',
        sortKey: 'description',
        cell: (r) => <DescriptionCell request={r} />,
      },
      {
        id: 'type',
        header: 'Type',
        sortKey: 'type',
        width: 100,
        cell: (r) => <TypeCell request={r} />,
      },
      {
        id: 'wave',
        header: 'Wave',
        sortKey: 'wave',
        width: 60,
        cell: (r) => r.wave ?? <Dash label="No wave" />,
      },
      {
        id: 'criteria',
        header: 'Criteria',
        width: 92,
        cell: (r) => <CriteriaChips criteria={r.criteria} />,
      },
      {
        id: 'owner',
        header: 'Owner',
        sortKey: 'owner',
        width: 120,
        cell: (r) => <OwnerCell request={r} name={ownerName(r)} />,
      },
      {
        id: 'due',
        header: 'Due',
        sortKey: 'dueOn',
        width: 104,
        cell: (r) => <DueCell request={r} />,
      },
      {
        id: 'status',
        header: 'Status',
        sortKey: 'status',
        width: 126,
        cell: (r) => <StatusCell request={r} />,
      },
      {
        id: 'auditor',
        header: 'Auditor',
        sortKey: 'auditorStatus',
        width: 84,
        cell: (r) => <AuditorCell request={r} />,
      },
      {
        id: 'comments',
        header: (
          <>
            <IconMessage size={14} stroke={1.7} aria-hidden />
            <VisuallyHidden>Comments</VisuallyHidden>
          </>
        ),
        label: 'Comments',
        sortKey: 'commentCount',
        width: 48,
        cell: (r) => <CommentsCell request={r} />,
      },
    ],
    [ownerName],
  );
  const { rows, total, overall } = props;
  const count =
    rows.length < total
      ? `${rows.length} of ${plural(total, 'request')} loaded`
      : total < overall
        ? `${total} of ${plural(overall, 'request')}`
        : plural(total, 'request');

  return (
    <DataTable
      label="Auditor requests"
      testId="requests-table"
      rows={rows}
      rowId={(r) => r.id}
      columns={columns}
      sort={props.sort}
      onSort={props.onSort}
      total={total}
      hasMore={props.hasMore}
      loadingMore={props.loadingMore}
      onLoadMore={props.onLoadMore}
      onOpen={(r) => onOpen(r.id)}
      activeId={props.selectedId}
      rowHeight={37}
      rowData={(r) => ({ 'data-ref': r.ref })}
      resetKey={props.resetKey}
      maxHeight="max(360px, calc(100dvh - 340px))"
      fixedLayout
      className="attest-requests-table"
      footer={
        <Group
          justify="space-between"
          px="md"
          py={8}
          className="attest-requests-footer"
          data-testid="requests-footer"
        >
          <Text size="xs" c="dimmed">
            {count}
            {' · '}J/K to move, Enter to open
          </Text>
          {props.hasMore && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={props.onLoadMore}
              loading={props.loadingMore}
            >
              Load more
            </Button>
          )}
        </Group>
      }
    />
  );
}

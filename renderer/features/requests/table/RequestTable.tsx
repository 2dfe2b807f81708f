import { Box, Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { AuditRequest } from '../../../../shared/api/requests';
import { SortableTh } from '../../../components/SortableTh';
import { plural } from '../../../components/format';
import '../../../components/tables.css';
import { RequestRow } from './RequestRow';
import type { RequestSort, RequestSortKey } from './table-query';
import { useWindowedRows } from './useWindowedRows';
import { nearTheEnd } from './window-range';
import './requests-table.css';

const ROW_HEIGHT = 37;
const HEADER_HEIGHT = 33;

/** `sort`: the key `requests.list` sorts by; criteria lists have no order worth sorting by. */
const COLUMNS: { label: string; sort?: RequestSortKey; width?: number; icon?: ReactNode }[] = [
  { label: 'Ref', sort: 'ref', width: 84 },
  { label: 'Description', sort: 'description' },
  { label: 'Type', sort: 'type', width: 100 },
  { label: 'Wave', sort: 'wave', width: 60 },
  { label: 'Criteria', width: 92 },
  { label: 'Owner', sort: 'owner', width: 120 },
  { label: 'Due', sort: 'dueOn', width: 104 },
  { label: 'Status', sort: 'status', width: 126 },
  { label: 'Auditor', sort: 'auditorStatus', width: 84 },
  {
    label: 'Comments',
    sort: 'commentCount',
    width: 48,
    icon: <IconMessage size={14} stroke={1.7} aria-hidden />,
  },
];

/**
 * The auditor's requests, one compact line each, under a sticky header. Only the rows in view
 * are drawn, so a list of a thousand scrolls as smoothly as one of ten; the next page is asked
 * for as the end of what is loaded comes into view.
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
  const { rows } = props;
  const table = useWindowedRows({
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    resetKey: props.resetKey,
    onOpen: (i) => {
      const r = rows[i];
      if (r) props.onOpen(r.id);
    },
    onRange: (range) => {
      if (props.hasMore && !props.loadingMore && nearTheEnd(range, rows.length)) props.onLoadMore();
    },
  });
  const { start, end, padTop, padBottom } = table.range;

  return (
    <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
      <Box
        {...table.viewportProps}
        className="attest-requests-viewport"
        data-testid="requests-viewport"
      >
        <Table
          className="attest-table attest-requests-table"
          stickyHeader
          layout="fixed"
          verticalSpacing={0}
          horizontalSpacing={8}
          fz="sm"
          aria-rowcount={props.total + 1}
          aria-label="Auditor requests"
          data-testid="requests-table"
        >
          <Table.Thead>
            <Table.Tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
              {COLUMNS.map((c) =>
                c.sort ? (
                  <SortableTh
                    key={c.label}
                    column={c.sort}
                    sort={props.sort}
                    onSort={props.onSort}
                    width={c.width}
                  >
                    {c.icon ? (
                      <>
                        {c.icon}
                        <VisuallyHidden>{c.label}</VisuallyHidden>
                      </>
                    ) : (
                      c.label
                    )}
                  </SortableTh>
                ) : (
                  <Table.Th key={c.label} w={c.width}>
                    {c.label}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody {...table.bodyProps}>
            {padTop > 0 && (
              <tr aria-hidden className="attest-spacer" style={{ height: padTop }}>
                <td colSpan={COLUMNS.length} />
              </tr>
            )}
            {rows.slice(start, end).map((r, i) => (
              <RequestRow
                key={r.id}
                request={r}
                ownerName={props.ownerName(r)}
                selected={r.id === props.selectedId}
                height={ROW_HEIGHT}
                rowIndex={start + i + 2}
                rowProps={table.rowProps(start + i)}
              />
            ))}
            {padBottom > 0 && (
              <tr aria-hidden className="attest-spacer" style={{ height: padBottom }}>
                <td colSpan={COLUMNS.length} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
      </Box>
      <Group
        justify="space-between"
        px="md"
        py={8}
        className="attest-requests-footer"
        data-testid="requests-footer"
      >
        <Text size="xs" c="dimmed">
          {rows.length < props.total
            ? `${rows.length} of ${plural(props.total, 'request')} loaded`
            : props.total < props.overall
              ? `${props.total} of ${plural(props.overall, 'request')}`
              : plural(props.total, 'request')}
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
    </Paper>
  );
}

import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { Policy, PolicySortKey } from '../../../shared/api/policies';
import { StatusBadge } from '../../components/status';
import { formatDate } from '../../components/format';
import { type DataColumn, DataTable, type SortState } from '../../components/table/DataTable';
import { POLICY_STATUS, reviewOverdue } from './labels';

export interface PolicyRow {
  policy: Policy;
  owner: string | null;
  /** People who have not acknowledged the version in force in time (undefined: none in force). */
  ackGaps: number | undefined;
  warnings: number;
}

/**
 * The library as a table on the shared one: the server searches, sorts and pages; Enter or a
 * click opens the policy. Acknowledgement gaps and warnings are read per policy, so not sorted.
 */
export function PolicyTable(props: {
  rows: PolicyRow[];
  sort: SortState<PolicySortKey>;
  onSort(key: PolicySortKey): void;
  total: number;
  stale: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  resetKey: string;
  today: string;
  selectedId: string | null;
  onOpen(row: PolicyRow): void;
  empty: string | undefined;
}) {
  const { today } = props;
  const columns = useMemo<DataColumn<PolicyRow, PolicySortKey>[]>(
    () => [
      {
        id: 'title',
        sortKey: 'title',
        header: 'Policy',
        cell: ({ policy }) => (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} truncate>
              {policy.title}
            </Text>
            {policy.archived && (
              <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                Archived
              </Badge>
            )}
          </Group>
        ),
      },
      {
        id: 'owner',
        sortKey: 'owner',
        header: 'Owner',
        width: 150,
        cell: (r) => (
          <Text size="sm" c={r.owner ? undefined : 'dimmed'} truncate>
            {r.owner ?? 'No owner'}
          </Text>
        ),
      },
      {
        id: 'inForce',
        sortKey: 'inForce',
        header: 'In force',
        width: 170,
        cell: ({ policy }) =>
          policy.inForceNumber !== null && policy.inForceFrom ? (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              v{policy.inForceNumber}{' '}
              <Text span size="xs" c="dimmed">
                since {formatDate(policy.inForceFrom)}
              </Text>
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              None yet
            </Text>
          ),
      },
      {
        id: 'state',
        sortKey: 'status',
        header: 'State',
        width: 190,
        cell: ({ policy }) =>
          policy.status === 'approved_with_draft' ? (
            // Neither part shrinks, so the column keeps their width (the table lays out by content).
            <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
              <span style={{ flexShrink: 0 }}>
                <StatusBadge tone="met">Approved</StatusBadge>
              </span>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
                + new draft
              </Text>
            </Group>
          ) : (
            <StatusBadge tone={POLICY_STATUS[policy.status].tone}>
              {POLICY_STATUS[policy.status].label}
            </StatusBadge>
          ),
      },
      {
        id: 'review',
        sortKey: 'nextReview',
        header: 'Next review',
        width: 140,
        cell: ({ policy }) =>
          policy.nextReviewOn ? (
            reviewOverdue(policy, today) ? (
              <StatusBadge tone="missing">Overdue · {formatDate(policy.nextReviewOn)}</StatusBadge>
            ) : (
              <Text size="sm">{formatDate(policy.nextReviewOn)}</Text>
            )
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ),
      },
      {
        id: 'acks',
        header: 'Not acknowledged',
        width: 140,
        cell: (r) =>
          r.ackGaps === undefined ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : r.ackGaps > 0 ? (
            <StatusBadge tone="missing">{r.ackGaps} overdue</StatusBadge>
          ) : (
            <Text size="sm" c="dimmed">
              None
            </Text>
          ),
      },
      {
        id: 'warnings',
        header: 'Consistency',
        width: 130,
        cell: (r) =>
          r.warnings > 0 ? (
            <Group gap={4} wrap="nowrap" data-testid="policy-warnings">
              <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-orange-7)" />
              {/* Orange is the icon's: no orange of the palette is readable as text on white. */}
              <Text size="sm">{r.warnings === 1 ? '1 warning' : `${r.warnings} warnings`}</Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ),
      },
    ],
    [today],
  );
  return (
    <DataTable
      label="Policies"
      testId="policies-table"
      rows={props.rows}
      rowId={(r) => r.policy.id}
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
      activeId={props.selectedId}
      rowHeight={39}
      rowData={(r) => ({
        'data-testid': 'policy-row',
        'data-status': r.policy.status,
        'data-title': r.policy.title,
      })}
      empty={props.empty}
    />
  );
}

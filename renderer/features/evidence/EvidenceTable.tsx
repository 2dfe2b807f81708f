import { Badge, Group, Text } from '@mantine/core';
import { IconLink, IconNote, IconTable } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { Evidence, EvidenceSort } from '../../../shared/api/evidence';
import { StatusBadge } from '../../components/status';
import { formatDate } from '../../components/format';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { KIND_LABEL, WINDOW_LABEL, WINDOW_TONE, coverageText } from './labels';

type SortKey = EvidenceSort['key'];

/** The evidence vault as a table: Enter or a click opens the item's drawer. */
export function EvidenceTable(props: {
  rows: readonly Evidence[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  sort: EvidenceSort;
  onSort(key: SortKey): void;
  activeId: string | null;
  onOpen(row: Evidence): void;
  controlRef(id: string): string | undefined;
  personName(id: string | null): string | null;
  resetKey: string;
}) {
  const { controlRef, personName } = props;
  const columns = useMemo<DataColumn<Evidence, SortKey>[]>(
    () => [
      {
        id: 'ref',
        header: 'Ref',
        sortKey: 'ref',
        width: 84,
        cell: (e) => (
          <Text size="sm" ff="monospace">
            {e.ref}
          </Text>
        ),
      },
      {
        id: 'title',
        header: 'Title',
        sortKey: 'title',
        cell: (e) => (
          <Group gap={6} wrap="nowrap">
            {e.kind === 'population' && (
              <IconTable size={14} aria-label={KIND_LABEL.population} role="img" />
            )}
            {e.kind === 'link' && <IconLink size={14} aria-label={KIND_LABEL.link} role="img" />}
            {e.kind === 'note' && <IconNote size={14} aria-label={KIND_LABEL.note} role="img" />}
            <Text size="sm" fw={500} truncate="end">
              {e.title}
            </Text>
            {e.supersededById && (
              <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                Superseded
              </Badge>
            )}
          </Group>
        ),
      },
      {
        id: 'controls',
        header: 'Controls',
        width: 150,
        cell: (e) => (
          <Text size="sm" c={e.controlIds.length ? undefined : 'dimmed'} truncate="end">
            {e.controlIds.length
              ? e.controlIds
                  .map(controlRef)
                  .filter((r) => r !== undefined)
                  .join(', ')
              : 'Not linked'}
          </Text>
        ),
      },
      {
        id: 'performedOn',
        header: 'Performed',
        sortKey: 'performedOn',
        width: 112,
        cell: (e) => <Text size="sm">{e.performedOn ? formatDate(e.performedOn) : '—'}</Text>,
      },
      {
        id: 'covers',
        header: 'Period',
        width: 190,
        cell: (e) => (
          <Group gap={6} wrap="nowrap">
            <StatusBadge tone={WINDOW_TONE[e.windowStatus]}>
              {WINDOW_LABEL[e.windowStatus]}
            </StatusBadge>
          </Group>
        ),
      },
      {
        id: 'window',
        header: 'Dates covered',
        width: 190,
        cell: (e) => (
          <Text size="sm" c="dimmed" truncate="end">
            {coverageText(e, formatDate) ?? '—'}
          </Text>
        ),
      },
      {
        id: 'reviewer',
        header: 'Reviewed',
        width: 150,
        cell: (e) =>
          e.reviewerId ? (
            <Text size="sm" truncate="end">
              {personName(e.reviewerId) ?? 'Someone'}
              {e.reviewedOn ? ` · ${formatDate(e.reviewedOn)}` : ''}
            </Text>
          ) : (
            <StatusBadge tone="partial">Not reviewed</StatusBadge>
          ),
      },
    ],
    [controlRef, personName],
  );
  return (
    <DataTable
      label="Evidence"
      testId="evidence-table"
      rows={props.rows}
      rowId={(e) => e.id}
      columns={columns}
      sort={props.sort}
      onSort={props.onSort}
      total={props.total}
      hasMore={props.hasMore}
      loadingMore={props.loadingMore}
      onLoadMore={props.onLoadMore}
      onOpen={props.onOpen}
      activeId={props.activeId}
      rowHeight={39}
      rowData={(e) => ({ 'data-testid': 'evidence-row', 'data-ref': e.ref })}
      resetKey={props.resetKey}
      empty="No evidence matches these filters."
    />
  );
}

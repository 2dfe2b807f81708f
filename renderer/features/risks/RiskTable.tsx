import { Group, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import type { Risk } from '../../../shared/api/risks';
import { formatDate } from '../../components/format';
import { RestoreButton } from '../../components/RestoreButton';
import { StatusBadge } from '../../components/status';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { useGaps } from '../gaps/gaps-store';
import { personName, usePeople } from '../people/people-store';
import { RiskScore } from './RiskScore';
import { RISK_CATEGORY_LABEL, TREATMENT_LABEL } from './risk-labels';
import { type RiskSort, type RiskSortKey, useRiskActions } from './risk-queries';

const SHOWN_REFS = 3;

/** "AC-01 AC-02 HR-10 +1": references never broken at their hyphen. */
function RefList(props: { refs: string[]; shown: number }) {
  const extra = props.refs.length - props.shown;
  return (
    <span title={props.refs.join(', ')}>
      {props.refs.slice(0, props.shown).map((ref) => (
        <span key={ref} style={{ whiteSpace: 'nowrap', marginRight: 6 }}>
          {ref}
        </span>
      ))}
      {extra > 0 && <span style={{ whiteSpace: 'nowrap' }}>+{extra}</span>}
    </span>
  );
}

/**
 * The register on the shared table: the server sorts, filters (a matrix cell, archived risks)
 * and pages; Enter or a click opens a risk. Archived risks are marked and offer Restore
 * instead of opening.
 */
export function RiskTable(props: {
  risks: readonly Risk[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  sort: RiskSort;
  onSort(key: RiskSortKey): void;
  activeId: string | null;
  onOpen(id: string): void;
  resetKey: string;
  /** Whether the register has been read (no "nothing here" before it has). */
  loaded: boolean;
}) {
  const { onOpen } = props;
  const people = usePeople((s) => s.items);
  const controls = useGaps((s) => s.controls);
  const { restore: restoreRisk } = useRiskActions();
  const refsOf = useCallback(
    (ids: readonly string[]) =>
      ids
        .map((id) => controls.find((c) => c.id === id)?.ref ?? null)
        .filter((x): x is string => x !== null),
    [controls],
  );

  const columns = useMemo<DataColumn<Risk, RiskSortKey>[]>(
    () => [
      {
        id: 'title',
        header: 'Risk',
        sortKey: 'title',
        cell: (r) => (
          <>
            <Text size="sm" fw={500}>
              {r.title}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {RISK_CATEGORY_LABEL[r.category]}
              </Text>
              {r.archived && <StatusBadge tone="neutral">Archived</StatusBadge>}
              {r.archived && (
                <RestoreButton
                  what={r.title}
                  done="Risk restored to the register."
                  restore={() => restoreRisk(r.id)}
                />
              )}
            </Group>
          </>
        ),
      },
      {
        id: 'inherent',
        header: 'Inherent',
        sortKey: 'inherent',
        width: 150,
        cell: (r) => <RiskScore likelihood={r.likelihood} impact={r.impact} />,
      },
      {
        id: 'treatment',
        header: 'Treatment',
        width: 90,
        cell: (r) => TREATMENT_LABEL[r.treatment],
      },
      {
        id: 'residual',
        header: 'Residual',
        sortKey: 'residual',
        width: 150,
        cell: (r) => <RiskScore likelihood={r.residualLikelihood} impact={r.residualImpact} />,
      },
      {
        id: 'owner',
        header: 'Owner',
        width: 130,
        cell: (r) => (
          <Text span size="sm" c={r.ownerId ? undefined : 'dimmed'}>
            {personName(people, r.ownerId) ?? 'No owner'}
          </Text>
        ),
      },
      {
        id: 'controls',
        header: 'Controls',
        width: 140,
        cell: (r) => {
          const refs = refsOf(r.controlIds);
          return (
            <Text span className="attest-mono" fz="xs">
              {refs.length === 0 ? '—' : <RefList refs={refs} shown={SHOWN_REFS} />}
            </Text>
          );
        },
      },
      {
        id: 'reviewOn',
        header: 'Review',
        sortKey: 'reviewOn',
        width: 110,
        cell: (r) => (
          <Text span size="sm" c={r.reviewOn ? undefined : 'dimmed'}>
            {r.reviewOn ? formatDate(r.reviewOn) : 'Not set'}
          </Text>
        ),
      },
    ],
    [people, refsOf, restoreRisk],
  );
  const open = useCallback(
    (r: Risk) => {
      if (!r.archived) onOpen(r.id);
    },
    [onOpen],
  );

  return (
    <DataTable
      label="Risk register"
      testId="risk-table"
      rows={props.risks}
      rowId={(r) => r.id}
      columns={columns}
      sort={props.sort}
      onSort={props.onSort}
      total={props.total}
      hasMore={props.hasMore}
      loadingMore={props.loadingMore}
      onLoadMore={props.onLoadMore}
      onOpen={open}
      activeId={props.activeId}
      rowHeight={52}
      rowData={(r) => ({ 'data-risk': r.title, 'data-archived': r.archived || undefined })}
      resetKey={props.resetKey}
      empty={
        props.loaded
          ? 'No risks here yet. Add one, or review the suggested risks above.'
          : undefined
      }
    />
  );
}

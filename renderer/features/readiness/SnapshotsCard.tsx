import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { linkTo } from '../../app/routes';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { SnapshotSummary } from '../../../shared/api/readiness';
import { notifyError } from '../../app/notify';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatInstant } from '../../components/format';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { ComparisonView } from './ComparisonView';
import { useComparison, useSnapshots } from './readiness-queries';

const TODAY = 'current';

const COLUMNS: DataColumn<SnapshotSummary>[] = [
  {
    id: 'ref',
    header: 'Review',
    width: 90,
    cell: (s) => (
      <Text size="sm" fw={600} className="attest-mono">
        {s.ref}
      </Text>
    ),
  },
  { id: 'on', header: 'As of', width: 120, cell: (s) => formatDate(s.evaluatedOn) },
  {
    id: 'figures',
    header: 'Status',
    width: 230,
    cell: (s) => (
      <Text size="sm">
        {s.figures.blocked ? `${s.figures.blocking} blocking` : 'No blocking findings'} ·{' '}
        {s.figures.percentPassing} % of checks pass
      </Text>
    ),
  },
  {
    id: 'signed',
    header: 'Signed off',
    width: 220,
    cell: (s) => (
      <Stack gap={0}>
        <Text size="sm">{s.signedOffBy.name}</Text>
        <Text size="xs" c="dimmed">
          {formatInstant(s.signedOffAt)}
        </Text>
      </Stack>
    ),
  },
  {
    id: 'comment',
    header: 'Comment',
    cell: (s) => (
      <Text size="sm" lineClamp={2} c={s.comment ? undefined : 'dimmed'}>
        {s.comment || 'No comment'}
      </Text>
    ),
  },
  {
    id: 'since',
    header: '',
    label: 'History',
    width: 150,
    interactive: true,
    // A frozen review never changes, so its own History is its freezing; what matters after it
    // is every change since.
    cell: (s) => (
      <Stack gap={0}>
        <Anchor
          component={Link}
          to={linkTo('historySince', String(s.chainHead.seq))}
          size="sm"
          data-testid="changes-since"
        >
          Changes since
        </Anchor>
        <Anchor
          component={Link}
          to={linkTo('recordHistory', s.id)}
          size="xs"
          c="dimmed"
          aria-label={`History of ${s.ref}`}
          data-testid="review-history"
        >
          Its history
        </Anchor>
      </Stack>
    ),
  },
];

const label = (s: SnapshotSummary) => `${s.ref} · ${formatDate(s.evaluatedOn)}`;

/** The frozen reviews (read-only records), and two of them — or one and today — compared. */
export function SnapshotsCard(props: { action: React.ReactNode }) {
  const query = useSnapshots();
  const items = query.data?.items;
  const snapshots = useMemo(() => items ?? [], [items]);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [asked, setAsked] = useState<{ fromId: string; toId?: string } | null>(null);
  // Until chosen: the one before the latest against the latest, or the only one against today.
  const fromId = from ?? snapshots[1]?.id ?? snapshots[0]?.id ?? null;
  const toId = to ?? (snapshots.length > 1 ? snapshots[0]!.id : TODAY);
  const comparison = useComparison(asked);
  const failed = comparison.error;
  useEffect(() => {
    if (failed) notifyError(failed);
  }, [failed]);

  const options = snapshots.map((s) => ({ value: s.id, label: label(s) }));
  return (
    <SectionCard title="Frozen reviews" action={props.action} testId="readiness-snapshots">
      {snapshots.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-snapshots">
          No review frozen yet. Freeze this review to keep its findings and figures as they stand
          today, signed off by someone, and to compare later work with it.
        </Text>
      ) : (
        <Stack gap="md">
          <DataTable
            label="Frozen reviews"
            testId="snapshots-table"
            rows={snapshots}
            rowId={(s) => s.id}
            columns={COLUMNS}
            rowHeight={52}
            maxHeight="320px"
            rowLabel={(s) => label(s)}
            rowData={(s) => ({ 'data-ref': s.ref })}
          />
          <Group gap="sm" align="flex-end">
            <Select
              label="Compare"
              size="sm"
              data={options}
              value={fromId}
              onChange={(v) => setFrom(v)}
              allowDeselect={false}
              w={220}
              data-testid="compare-from"
            />
            <Select
              label="with"
              size="sm"
              data={[...options, { value: TODAY, label: 'Today' }]}
              value={toId}
              onChange={(v) => setTo(v)}
              allowDeselect={false}
              w={220}
              data-testid="compare-to"
            />
            <Button
              variant="default"
              leftSection={<IconArrowsDiff size={16} />}
              disabled={!fromId || fromId === toId}
              loading={comparison.isFetching}
              onClick={() =>
                fromId && setAsked(toId === TODAY ? { fromId } : { fromId, toId: toId })
              }
              data-testid="compare-button"
            >
              Compare
            </Button>
          </Group>
          {asked && comparison.data && <ComparisonView comparison={comparison.data} />}
        </Stack>
      )}
    </SectionCard>
  );
}

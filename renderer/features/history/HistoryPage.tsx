import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditEntryView } from '../../../shared/api/audit';
import type { Input } from '../../../shared/api/index';
import { PageHeader } from '../../components/PageHeader';
import { formatInstant, plural } from '../../components/format';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { useVaultPages } from '../vault/use-vault-pages';
import { ChangesText } from './ChangesText';
import { ACTION_WORDS } from './history-words';

/** The kinds of record a user filters by, in words (the audited tables behind them). */
const KINDS: { value: string; label: string }[] = [
  { value: 'control', label: 'Controls' },
  { value: 'assessment', label: 'Assessments' },
  { value: 'criterion', label: 'Criteria' },
  { value: 'evidence', label: 'Evidence' },
  { value: 'policy', label: 'Policies' },
  { value: 'policy_version', label: 'Policy versions' },
  { value: 'risk', label: 'Risks' },
  { value: 'task', label: 'Tasks' },
  { value: 'request', label: 'Requests' },
  { value: 'person', label: 'People' },
  { value: 'subservice_org', label: 'Subservice organisations' },
  { value: 'self_test', label: 'Self-tests' },
  { value: 'deviation', label: 'Deviations' },
  { value: 'review_snapshot', label: 'Frozen reviews' },
  { value: 'engagement', label: 'Engagement' },
];

const COLUMNS: DataColumn<AuditEntryView>[] = [
  {
    id: 'at',
    header: 'When',
    width: 170,
    cell: (e) => (
      <Text size="sm" c="dimmed">
        {formatInstant(e.at)}
      </Text>
    ),
  },
  { id: 'actor', header: 'Who', width: 150, cell: (e) => <Text size="sm">{e.actor}</Text> },
  {
    id: 'what',
    header: 'What',
    width: 220,
    cell: (e) => (
      <Text size="sm">
        {ACTION_WORDS[e.action]} · {e.kind}
      </Text>
    ),
  },
  {
    id: 'record',
    header: 'Record',
    width: 260,
    cell: (e) => (
      <Text size="sm" fw={500} lineClamp={2}>
        {e.label}
      </Text>
    ),
  },
  {
    id: 'details',
    header: 'Change',
    cell: (e) => <ChangesText entry={e} size="xs" lineClamp={2} />,
  },
];

/**
 * The vault's audit history (E item 4b): every change newest first, who made it and when,
 * filtered by kind of record, one record, or everything after an entry — a frozen review's
 * chain head, so "what changed since" that review is one link away. Paged by the server.
 */
export function HistoryPage() {
  const [params, setParams] = useSearchParams();
  const sinceText = params.get('since');
  const since = sinceText !== null && /^\d{1,15}$/.test(sinceText) ? Number(sinceText) : null;
  const record = params.get('record');
  const kind = params.get('kind');
  const input = useMemo(
    () =>
      ({
        limit: 100,
        ...(since !== null ? { afterSeq: since } : {}),
        ...(record ? { entityId: record } : {}),
        ...(kind ? { entity: kind } : {}),
      }) satisfies Input<'audit.list'>,
    [since, record, kind],
  );
  const { pages, loadMore, rows, total, stale } = useVaultPages('audit.list', input);
  const set = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  return (
    <>
      <PageHeader
        title="History"
        purpose="Every change to this vault, newest first: who made it, when, and what it changed — the value before and after. The audit log itself; nothing here can be edited."
      />
      <Stack gap="md">
        <Group gap="sm" align="end">
          <Select
            label="Kind of record"
            placeholder="All kinds"
            data={KINDS}
            value={kind}
            onChange={(v) => set('kind', v)}
            clearable
            w={220}
            data-testid="history-kind"
          />
          {since !== null && (
            <Badge
              size="lg"
              variant="light"
              radius="sm"
              tt="none"
              rightSection={
                <IconX
                  size={14}
                  role="button"
                  aria-label="Show every change"
                  style={{ cursor: 'pointer' }}
                  onClick={() => set('since', null)}
                />
              }
              data-testid="history-since"
            >
              Changes after entry {since}
            </Badge>
          )}
          {record && (
            <Button
              variant="subtle"
              size="xs"
              rightSection={<IconX size={14} />}
              onClick={() => set('record', null)}
            >
              One record only
            </Button>
          )}
          <Text size="sm" c="dimmed" ml="auto" data-testid="history-count">
            {pages.data ? plural(total, 'change') : ''}
          </Text>
        </Group>
        <DataTable
          label="History"
          testId="history-table"
          rows={rows}
          rowId={(e) => String(e.seq)}
          columns={COLUMNS}
          total={total}
          stale={stale}
          hasMore={pages.hasNextPage}
          loadingMore={pages.isFetchingNextPage}
          onLoadMore={() => void loadMore()}
          rowData={(e) => ({ 'data-testid': 'history-row', 'data-entity': e.entity })}
          rowLabel={(e) => `${ACTION_WORDS[e.action]} ${e.kind} ${e.label}`}
          empty={
            pages.isPending
              ? 'Reading the history…'
              : since !== null
                ? 'Nothing has changed since that entry.'
                : 'No change matches these filters.'
          }
        />
      </Stack>
    </>
  );
}

import { Box, Checkbox, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCheck,
  IconClockExclamation,
  IconEye,
  IconMinus,
  IconX,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ControlTimeline, TimelineState } from '../../../shared/api/readiness';
import { resultWording } from '../../../shared/domain/self-test';
import { SectionCard } from '../../components/SectionCard';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { TONE_FILL_CLASS } from '../../components/tone-fill';
import { useVaultQuery } from '../vault/use-vault-query';
import { fixTargetAddress } from './fix-target-link';
import { TIMELINE_STATE, cellLabel, hasMissingWindow } from './timeline-cells';

/** Not colour alone (UX.md): each state has its own mark inside the cell. */
const MARK: Record<TimelineState, typeof IconCheck> = {
  reviewed: IconCheck,
  unreviewed: IconEye,
  scheduled: IconCalendarEvent,
  late: IconClockExclamation,
  missing: IconX,
  not_occurring: IconMinus,
  not_counted: IconMinus,
};

/** One window; in the legend (`sample`) a swatch only, its words written beside it. */
function WindowCell({
  w,
  sample = false,
}: {
  w: ControlTimeline['windows'][number];
  sample?: boolean;
}) {
  const Mark = MARK[w.state];
  const label = cellLabel(w);
  return (
    <Tooltip label={label} withArrow openDelay={150} disabled={sample}>
      <Box
        component="span"
        role={sample ? undefined : 'img'}
        aria-label={sample ? undefined : label}
        aria-hidden={sample || undefined}
        data-state={w.state}
        className={TONE_FILL_CLASS[TIMELINE_STATE[w.state].tone]}
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 18,
          height: 18,
          borderRadius: 3,
          flex: '0 0 auto',
        }}
      >
        <Mark size={12} stroke={2.5} aria-hidden />
      </Box>
    </Tooltip>
  );
}

/** The timeline of one control: one small cell per window, in order. */
function Timeline({ c }: { c: ControlTimeline }) {
  if (c.windows.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No windows yet
      </Text>
    );
  return (
    <Group gap={3} wrap="wrap" data-testid="timeline-cells">
      {c.windows.map((w) => (
        <WindowCell key={w.start} w={w} />
      ))}
    </Group>
  );
}

const COLUMNS: DataColumn<ControlTimeline>[] = [
  {
    id: 'ref',
    header: 'Ref',
    width: 90,
    cell: (c) => (
      <Text size="sm" className="attest-mono" fw={600}>
        {c.ref}
      </Text>
    ),
  },
  {
    id: 'control',
    header: 'Control',
    cell: (c) => (
      <Text size="sm" lineClamp={2}>
        {c.title}
        {c.key ? (
          <Text span size="xs" c="dimmed">
            {' '}
            · key
          </Text>
        ) : null}
      </Text>
    ),
  },
  {
    id: 'owner',
    header: 'Owner',
    width: 150,
    cell: (c) =>
      c.ownerName ? (
        <Text size="sm">{c.ownerName}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          No owner
        </Text>
      ),
  },
  { id: 'timeline', header: 'Over the period', width: 260, cell: (c) => <Timeline c={c} /> },
  {
    id: 'selfTest',
    header: 'Self-test',
    width: 220,
    cell: (c) =>
      c.selfTest ? (
        <Text size="sm">{resultWording(c.selfTest.deviations, c.selfTest.items)}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          Not tested
        </Text>
      ),
  },
  {
    id: 'deviations',
    header: 'Open deviations',
    width: 130,
    cell: (c) => (
      <Text
        size="sm"
        c={c.openDeviations > 0 ? undefined : 'dimmed'}
        fw={c.openDeviations ? 600 : undefined}
      >
        {c.openDeviations}
      </Text>
    ),
  },
];

const LEGEND: TimelineState[] = [
  'reviewed',
  'unreviewed',
  'scheduled',
  'late',
  'missing',
  'not_occurring',
];

function Legend() {
  return (
    <Group gap="md" data-testid="timeline-legend">
      {LEGEND.map((s) => (
        <Group key={s} gap={6} wrap="nowrap">
          <WindowCell sample w={{ label: '', state: s, start: s, end: s, partial: false }} />
          <Text size="xs">{TIMELINE_STATE[s].label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/**
 * Each control over the period (Type II; Type I: one as-of cell): its windows as the readiness
 * rules count them, its latest self-test and its deviations awaiting a response. A row opens the
 * control. Filters are client-side: the answer is one list of the vault's controls.
 */
export function TimelinesCard() {
  const query = useVaultQuery('readiness.timelines', {});
  const navigate = useNavigate();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  const controls = useMemo(() => query.data?.controls ?? [], [query.data]);
  const owners = useMemo(() => {
    const names = new Map<string, string>();
    for (const c of controls) if (c.ownerId && c.ownerName) names.set(c.ownerId, c.ownerName);
    return [...names]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [controls]);
  const rows = useMemo(
    () =>
      controls.filter(
        (c) => (!onlyMissing || hasMissingWindow(c)) && (owner === null || c.ownerId === owner),
      ),
    [controls, onlyMissing, owner],
  );
  const type1 = query.data?.reportType === 'type1';
  const missing = controls.filter(hasMissingWindow).length;
  return (
    <SectionCard
      title={type1 ? 'Controls as of the report date' : 'Controls over the period'}
      testId="readiness-timelines"
    >
      <Stack gap="sm">
        {query.data && (
          <Text size="sm" c="dimmed">
            {missing === 0
              ? 'No control has a missing window so far.'
              : `${missing} of ${controls.length} controls have a window that closed without reviewed evidence.`}{' '}
            Windows are counted as the readiness review counts them.
          </Text>
        )}
        <Group gap="md" align="flex-end">
          <Checkbox
            label="Only with missing windows"
            checked={onlyMissing}
            onChange={(e) => setOnlyMissing(e.currentTarget.checked)}
            data-testid="timelines-only-missing"
          />
          <Select
            label="Owner"
            placeholder="Everyone"
            data={owners}
            value={owner}
            onChange={setOwner}
            clearable
            searchable
            size="xs"
            w={220}
            data-testid="timelines-owner"
          />
        </Group>
        <Legend />
        <DataTable
          label="Controls over the period"
          testId="timelines-table"
          rows={rows}
          rowId={(c) => c.id}
          columns={COLUMNS}
          rowHeight={52}
          maxHeight="min(60dvh, 640px)"
          rowLabel={(c) => `${c.ref} ${c.title}`}
          rowData={(c) => ({ 'data-ref': c.ref, 'data-missing': hasMissingWindow(c) })}
          onOpen={(c) => void navigate(fixTargetAddress({ screen: 'control', id: c.id }))}
          empty={
            <Text size="sm" c="dimmed" p="md">
              {!query.data
                ? 'Reading each control’s windows…'
                : controls.length === 0
                  ? 'No control is in scope yet.'
                  : 'No control matches these filters.'}
            </Text>
          }
        />
      </Stack>
    </SectionCard>
  );
}

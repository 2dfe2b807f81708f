import { Anchor, Group, type MantineSpacing, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Input } from '../../../shared/api/index';
import { linkTo } from '../../app/routes';
import { formatInstant, plural } from '../../components/format';
import { useVaultPages } from '../vault/use-vault-pages';
import { ChangesText } from './ChangesText';
import { ACTION_WORDS } from './history-words';

/** How many of a record's latest changes its drawer shows; the History page has the rest. */
const SHOWN = 6;

/**
 * A record's History (E item 4b): its latest changes and its links', newest first — who, when,
 * what changed from what — read from the audit log like the History page, which "All N changes"
 * opens filtered to this record.
 */
export function RecordHistory({ id }: { id: string }) {
  const input = useMemo(() => ({ limit: SHOWN, entityId: id }) satisfies Input<'audit.list'>, [id]);
  const { pages } = useVaultPages('audit.list', input);
  const first = pages.data?.pages[0];
  if (!first) {
    return (
      <Text size="sm" c="dimmed">
        {pages.isError ? 'The history could not be read.' : 'Reading the history…'}
      </Text>
    );
  }
  if (first.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No change recorded yet.
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="record-history">
      <Timeline bulletSize={10} lineWidth={2}>
        {first.items.map((e) => (
          <Timeline.Item
            key={e.seq}
            data-testid="record-history-entry"
            title={
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>
                  {ACTION_WORDS[e.action]}
                  {e.entityId === id ? '' : ` · ${e.kind}`}
                </Text>
                <Text size="xs" c="dimmed">
                  by {e.actor}
                </Text>
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {formatInstant(e.at)}
              {e.entityId === id ? '' : ` · ${e.label}`}
            </Text>
            {(e.changes.length > 0 || e.details) && (
              <ChangesText entry={e} size="xs" lineClamp={2} mt={2} />
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      <Anchor component={Link} to={linkTo('recordHistory', id)} size="sm">
        <Group gap={4} wrap="nowrap">
          {first.total > first.items.length
            ? `All ${plural(first.total, 'change')} in History`
            : 'Open in History'}
          <IconArrowRight size={14} />
        </Group>
      </Anchor>
    </Stack>
  );
}

/**
 * The History section at the foot of a record's drawer (`mt` when the drawer's content is not a
 * stack that already spaces it).
 */
export function HistorySection({ id, mt }: { id: string; mt?: MantineSpacing }) {
  return (
    <Stack gap="xs" mt={mt} data-testid="record-history-section">
      <Title order={3} fz="xs" c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
        History
      </Title>
      <RecordHistory id={id} />
    </Stack>
  );
}

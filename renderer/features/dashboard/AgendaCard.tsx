import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AgendaView } from '../../../shared/api/readiness';
import { useApiQuery } from '../../api/queries';
import { addressOf } from '../../app/routes';
import { fixTargetAddress } from '../readiness/fix-target-link';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatDateRange, plural } from '../../components/format';
import { StatusBadge } from '../../components/status';
import { useOpenId } from '../vault/store';

type Item = AgendaView['overdue'][number];

/** Items shown per list; the rest are counted (the screens behind each list them all). */
const SHOWN = 6;

const KIND_WORD: Record<Item['kind'], string> = {
  evidence_window: 'Evidence',
  task: 'Task',
  policy_review: 'Policy review',
  self_test: 'Self-test',
};

/** Where each item is dealt with: a task in the plan, the rest as readiness fixes them. */
function addressOfItem(item: Item): string {
  const t = item.target;
  return t.screen === 'task' ? addressOf('task', t.id) : fixTargetAddress(t);
}

function ItemList(props: { items: Item[]; empty: string; testId: string }) {
  const { items } = props;
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={props.testId}>
        {props.empty}
      </Text>
    );
  return (
    <Stack gap={6} data-testid={props.testId}>
      {items.slice(0, SHOWN).map((item) => (
        <Group
          key={`${item.kind}:${item.object}:${item.due}:${item.title}`}
          gap="xs"
          wrap="nowrap"
          align="baseline"
        >
          <Text size="xs" c="dimmed" w={88} style={{ flexShrink: 0 }}>
            {item.due ? formatDate(item.due) : KIND_WORD[item.kind]}
          </Text>
          <Text size="sm" lineClamp={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={addressOfItem(item)} fw={600}>
              {item.object}
            </Anchor>{' '}
            {item.due ? `${KIND_WORD[item.kind]}: ` : ''}
            {item.title}
            {item.window ? ` ${formatDateRange(item.window.start, item.window.end)}` : ''}
          </Text>
        </Group>
      ))}
      {items.length > SHOWN && (
        <Text size="xs" c="dimmed">
          and {items.length - SHOWN} more
        </Text>
      )}
    </Stack>
  );
}

/**
 * What needs doing soon (E item 6): overdue items, what falls due in the next seven days, and
 * samples with items left to test, each linking to where it is dealt with.
 */
export function AgendaCard() {
  const openId = useOpenId();
  const { data } = useApiQuery(openId, 'readiness.agenda', {});
  if (!data) return null;
  return (
    <SectionCard
      title="This week"
      testId="dashboard-agenda"
      action={
        <Group gap="xs">
          {data.overdue.length > 0 && (
            <StatusBadge tone="missing">{`${data.overdue.length} overdue`}</StatusBadge>
          )}
          <Text size="sm" c="dimmed">
            {formatDate(data.today)} – {formatDate(data.until)}
          </Text>
        </Group>
      }
    >
      <SimpleGrid cols={{ base: 1, md: data.samplesToTest.length > 0 ? 3 : 2 }} spacing="lg">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Overdue ({data.overdue.length})
          </Text>
          <ItemList items={data.overdue} empty="Nothing overdue." testId="agenda-overdue" />
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Due in the next 7 days ({data.dueSoon.length})
          </Text>
          <ItemList items={data.dueSoon} empty="Nothing falls due this week." testId="agenda-due" />
        </Stack>
        {data.samplesToTest.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {plural(data.samplesToTest.length, 'sample')} to test
            </Text>
            <ItemList items={data.samplesToTest} empty="" testId="agenda-samples" />
          </Stack>
        )}
      </SimpleGrid>
    </SectionCard>
  );
}

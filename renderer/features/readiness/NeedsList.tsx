import { Anchor, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconClock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Need, NeedState } from './prerequisites';

const STATE: Record<NeedState, { icon: typeof IconCircleCheck; word: string }> = {
  done: { icon: IconCircleCheck, word: 'Done' },
  todo: { icon: IconCircleDashed, word: 'To do' },
  later: { icon: IconClock, word: 'Later version' },
};

/**
 * A checklist of needs, each with its state in words and, when something can be done about it
 * today, a link to the screen where it is done. Neutral colours: a step not built yet is no
 * judgement on the user, and a self-assessment never turns anything green.
 */
export function NeedsList(props: {
  needs: readonly Need[];
  testId: string;
  /** The word for a need that is met ("Available" for an export). */
  doneWord?: string;
}) {
  const { needs, testId } = props;
  return (
    <Stack gap={0} data-testid={testId} component="ul" p={0} m={0}>
      {needs.map((need) => {
        const state = STATE[need.state];
        const Icon = state.icon;
        return (
          <Group
            key={need.id}
            component="li"
            justify="space-between"
            align="flex-start"
            wrap="nowrap"
            gap="lg"
            py="sm"
            data-need={need.id}
            data-state={need.state}
            style={{
              listStyle: 'none',
              borderBottom: '1px solid var(--mantine-color-default-border)',
            }}
          >
            <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
              <ThemeIcon variant="light" color="gray" size={26} radius="xl" aria-hidden>
                <Icon size={16} stroke={1.7} />
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {need.label}
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' · '}
                    {need.state === 'done' && props.doneWord ? props.doneWord : state.word}
                  </Text>
                </Text>
                <Text size="sm" c="dimmed">
                  {need.detail}
                </Text>
              </Stack>
            </Group>
            {need.link && (
              <Anchor component={Link} to={need.link.to} size="sm" style={{ flexShrink: 0 }}>
                {need.link.label}
              </Anchor>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

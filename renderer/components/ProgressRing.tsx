import { Group, RingProgress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A share as a ring with its figure in the middle and what it counts beside it: "3 of 10 done".
 * Presentational; `label` is what a screen reader hears.
 */
export function ProgressRing(props: {
  value: number;
  total: number;
  label: string;
  caption: ReactNode;
  detail?: ReactNode;
  color?: string;
  testId?: string;
}) {
  const percent = props.total > 0 ? Math.round((props.value / props.total) * 100) : 0;
  return (
    <Group gap="md" wrap="nowrap" data-testid={props.testId}>
      <RingProgress
        size={72}
        thickness={7}
        roundCaps
        sections={[{ value: percent, color: props.color ?? 'teal' }]}
        label={
          <Text ta="center" size="sm" fw={700}>
            {percent}%
          </Text>
        }
        role="img"
        aria-label={props.label}
      />
      <Stack gap={2}>
        <Text fw={600} size="sm">
          {props.caption}
        </Text>
        {props.detail && (
          <Text size="xs" c="dimmed">
            {props.detail}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

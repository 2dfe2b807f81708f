import { Text } from '@mantine/core';

/**
 * A count at a glance: a large number over a dimmed label (the Dashboard's self-testing card,
 * the remediation plan's progress). `alert` shows a count above zero in the error colour, for
 * figures that mean something needs doing (overdue tasks, responses missing).
 */
export function Figure(props: {
  value: number;
  label: string;
  alert?: boolean;
  /** On the root, which also carries the value as `data-value`. */
  testId?: string;
  /** On the number itself. */
  valueTestId?: string;
}) {
  return (
    <div data-testid={props.testId} data-value={props.value}>
      <Text
        size="xl"
        fw={700}
        c={props.alert && props.value > 0 ? 'var(--mantine-color-error)' : undefined}
        data-testid={props.valueTestId}
      >
        {props.value}
      </Text>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
    </div>
  );
}

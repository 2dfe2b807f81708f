import { Collapse, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';

/**
 * A titled surface whose body folds away (suggestions, proposals): the title is the toggle, with
 * its state for screen readers (`aria-expanded`); the actions stay usable while it is folded.
 */
export function CollapsibleCard(props: {
  title: string;
  /** One line under the title, shown folded or not. */
  summary?: ReactNode;
  actions?: ReactNode;
  opened: boolean;
  onToggle(): void;
  children: ReactNode;
  testId?: string;
}) {
  const body = useId();
  return (
    <Paper withBorder p="md" data-testid={props.testId} data-opened={props.opened}>
      <Group justify="space-between" wrap="nowrap" gap="md">
        <UnstyledButton
          onClick={props.onToggle}
          aria-expanded={props.opened}
          aria-controls={body}
          style={{ minWidth: 0, flex: 1, borderRadius: 'var(--mantine-radius-sm)' }}
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconChevronRight
              size={18}
              aria-hidden
              style={{
                marginTop: 2,
                flexShrink: 0,
                transition: 'transform 120ms ease',
                transform: props.opened ? 'rotate(90deg)' : undefined,
              }}
            />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600}>{props.title}</Text>
              {props.summary && (
                <Text size="sm" c="dimmed">
                  {props.summary}
                </Text>
              )}
            </Stack>
          </Group>
        </UnstyledButton>
        {props.actions}
      </Group>
      <Collapse expanded={props.opened} id={body}>
        <div style={{ paddingTop: 'var(--mantine-spacing-sm)' }}>{props.children}</div>
      </Collapse>
    </Paper>
  );
}

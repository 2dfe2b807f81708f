import { Button, EmptyState, Paper } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** What belongs on a page that has nothing yet, and the way to what comes first. */
export function StepEmpty(props: {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  action?: { label: string; to: string };
  /** A smaller note, for a page that has other content above it. */
  compact?: boolean;
}) {
  return (
    <Paper withBorder py={props.compact ? 'lg' : 56} px="xl" data-testid="empty-state">
      <EmptyState
        icon={props.icon}
        size={props.compact ? 'sm' : 'md'}
        variant="light"
        title={props.title}
        description={props.description}
        maw={520}
        mx="auto"
      >
        {props.action && (
          <EmptyState.Actions>
            <Button
              component={Link}
              to={props.action.to}
              variant="light"
              rightSection={<IconArrowRight size={16} />}
            >
              {props.action.label}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

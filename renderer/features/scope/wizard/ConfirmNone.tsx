import { Button, Group, Paper, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import type { ConfirmableNone } from '../../../../shared/domain/system-description';
import { useApi } from '../../../api/provider';
import { notifyError } from '../../../app/notify';
import { formatDate } from '../../../components/format';

const WORDS: Record<ConfirmableNone, { confirmed: string; action: string }> = {
  subservices: {
    confirmed: 'The system relies on no subservice organisations',
    action: 'State the system relies on none',
  },
  cuecs: {
    confirmed: 'No controls are expected of user entities',
    action: 'State there are none',
  },
  notRelevant: {
    confirmed: 'Every criterion in scope applies to the system',
    action: 'Confirm every criterion applies',
  },
};

/**
 * The explicit "none" answer for a section whose list is empty. Until it is given, the draft
 * shows a gap there instead of a sentence; the answer is offered only while nothing is listed.
 */
export function ConfirmNone(props: {
  kind: ConfirmableNone;
  confirmedOn: string | null;
  listed: number;
}) {
  const [busy, setBusy] = useState(false);
  const client = useApi();
  const words = WORDS[props.kind];

  const set = async (confirmed: boolean) => {
    setBusy(true);
    try {
      await client.call('sd.confirmNone', { kind: props.kind, confirmed });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  if (props.confirmedOn) {
    return (
      <ConfirmedNone
        testId={`confirmed-none-${props.kind}`}
        busy={busy}
        onWithdraw={() => void set(false)}
      >
        {words.confirmed}: confirmed on {formatDate(props.confirmedOn)}.
      </ConfirmedNone>
    );
  }
  if (props.listed > 0) return null;
  return (
    <Group gap="sm">
      <Button
        variant="default"
        loading={busy}
        onClick={() => void set(true)}
        data-testid={`confirm-none-${props.kind}`}
      >
        {words.action}
      </Button>
      <Text size="xs" c="dimmed">
        Until you answer, the draft leaves this section to be completed.
      </Text>
    </Group>
  );
}

/** A "none" the user confirmed, with its date, and the way to withdraw it. */
export function ConfirmedNone(props: {
  testId: string;
  busy: boolean;
  onWithdraw(): void;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" px="md" py="sm" data-testid={props.testId}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={18} color="var(--mantine-color-teal-text)" aria-hidden />
          <Text size="sm">{props.children}</Text>
        </Group>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          loading={props.busy}
          onClick={props.onWithdraw}
        >
          Withdraw
        </Button>
      </Group>
    </Paper>
  );
}

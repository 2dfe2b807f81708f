import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import type { TaskProposal } from '../../../shared/api/tasks';
import { notifyError, notifySuccess } from '../../app/notify';
import { plural } from '../../components/format';
import { useTaskActions } from './task-queries';

const LISTED = 5;

/**
 * Accepts the chosen proposals — or all of them when none is chosen — in one go, after saying
 * how many tasks that creates. Attest creates all of them or, when one was decided elsewhere
 * meanwhile, none; the proposals are then read afresh.
 */
export function AcceptProposals(props: {
  proposals: readonly TaskProposal[];
  /** Control ids of the chosen proposals; empty: all. */
  selected: readonly string[];
  onAccepted(): void;
}) {
  const { acceptProposals } = useTaskActions();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const chosen =
    props.selected.length > 0
      ? props.proposals.filter((p) => props.selected.includes(p.controlId))
      : props.proposals;
  const count = chosen.length;

  async function accept() {
    setBusy(true);
    try {
      const tasks = await acceptProposals(chosen.map((p) => p.controlId));
      const refs = tasks.length > 1 ? ` (${tasks[0]!.ref} to ${tasks.at(-1)!.ref})` : '';
      notifySuccess(`Added ${plural(tasks.length, 'task')} to the plan${refs}.`);
      props.onAccepted();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <>
      <Button
        variant="light"
        leftSection={<IconChecks size={16} />}
        onClick={() => setAsking(true)}
        disabled={count === 0}
        data-testid="accept-proposals"
      >
        {props.selected.length > 0 ? `Accept selected (${count})` : `Accept all ${count}`}
      </Button>
      <Modal
        opened={asking}
        onClose={() => !busy && setAsking(false)}
        title={`Add ${plural(count, 'task')} to the plan?`}
        data-testid="accept-proposals-confirm"
      >
        <Stack gap="sm">
          <Text size="sm">
            {count === 1 ? 'One task will be created' : `${count} tasks will be created`}, one for
            each gap, as proposed: the control’s owner as owner where it has one, the priority from
            the gap’s severity and no due date. Each can be edited afterwards.
          </Text>
          <List size="sm" spacing={2}>
            {chosen.slice(0, LISTED).map((p) => (
              <List.Item key={p.controlId}>{p.title}</List.Item>
            ))}
          </List>
          {count > LISTED && (
            <Text size="sm" c="dimmed">
              and {count - LISTED} more
            </Text>
          )}
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={() => setAsking(false)} disabled={busy}>
              Cancel
            </Button>
            <Button loading={busy} onClick={() => void accept()} data-autofocus>
              Create {plural(count, 'task')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

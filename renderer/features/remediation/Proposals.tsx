import { ActionIcon, Button, Group, Paper, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { TaskProposal } from '../../../shared/api/tasks';
import { notifyError, notifySuccess } from '../../app/notify';
import { StatusBadge } from '../../components/status';
import { plural } from '../../components/format';
import { personName, usePeople } from '../gaps/people-store';
import { PriorityLabel } from './PriorityLabel';
import { useTasks } from './tasks-store';

function ProposalRow(props: { proposal: TaskProposal; onEdit(p: TaskProposal): void }) {
  const { proposal: p } = props;
  const people = usePeople((s) => s.people);
  const decide = useTasks((s) => s.decide);
  const [busy, setBusy] = useState(false);
  const answer = async (accept: boolean) => {
    setBusy(true);
    try {
      const task = await decide(p.controlId, accept);
      notifySuccess(accept ? `Added ${task?.ref ?? 'the task'} to the plan.` : 'Dismissed.');
    } catch (e) {
      notifyError(e);
      setBusy(false);
    }
  };
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      className="attest-row"
      px="xs"
      py={6}
      data-proposal={p.ref}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate="end">
          {p.title}
        </Text>
        <Group gap={8}>
          <StatusBadge tone={p.gapStatus === 'partial' ? 'partial' : 'missing'}>
            {p.gapStatus === 'partial' ? 'Partial' : 'Not implemented'}
          </StatusBadge>
          <PriorityLabel priority={p.priority} />
          <Text size="xs" c="dimmed">
            {personName(people, p.suggestedOwnerId) ?? 'No owner suggested'}
          </Text>
        </Group>
      </Stack>
      <Group gap={4} wrap="nowrap">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconCheck size={14} />}
          loading={busy}
          onClick={() => void answer(true)}
          aria-label={`Accept ${p.title}`}
        >
          Accept
        </Button>
        <Tooltip label="Edit, then accept">
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => props.onEdit(p)}
            aria-label={`Edit, then accept ${p.title}`}
            disabled={busy}
          >
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Dismiss">
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => void answer(false)}
            aria-label={`Dismiss ${p.title}`}
            disabled={busy}
          >
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}

/**
 * Tasks Attest proposes for gaps that have none: accept one (as is, or edited), dismiss it, or
 * accept them all. A gap is proposed once, so proposing again never makes duplicates.
 */
export function Proposals(props: { onEdit(p: TaskProposal): void }) {
  const proposals = useTasks((s) => s.proposals);
  const acceptAll = useTasks((s) => s.acceptAll);
  const [busy, setBusy] = useState(false);
  if (proposals.length === 0) return null;
  return (
    <Paper withBorder p="lg" data-testid="proposals">
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Text fw={600}>{plural(proposals.length, 'proposed task')} from gaps</Text>
          <Text size="sm" c="dimmed">
            One for each partial or not-implemented control without a task.
          </Text>
        </Stack>
        <Button
          variant="light"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              const n = await acceptAll();
              notifySuccess(`Added ${plural(n, 'task')} to the plan.`);
            } catch (e) {
              notifyError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          Accept all {proposals.length}
        </Button>
      </Group>
      <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars>
        <Stack gap={0}>
          {proposals.map((p) => (
            <ProposalRow key={p.controlId} proposal={p} onEdit={props.onEdit} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}

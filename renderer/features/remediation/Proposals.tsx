import { ActionIcon, Button, Checkbox, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { TaskProposal } from '../../../shared/api/tasks';
import { notifyError, notifySuccess } from '../../app/notify';
import { CollapsibleCard } from '../../components/CollapsibleCard';
import { StatusBadge } from '../../components/status';
import { plural } from '../../components/format';
import { personName, usePeople } from '../people/people-store';
import { AcceptProposals } from './AcceptProposals';
import { PriorityLabel } from './PriorityLabel';
import { useProposals, useTaskActions } from './task-queries';

function ProposalRow(props: {
  proposal: TaskProposal;
  onEdit(p: TaskProposal): void;
  selected: boolean;
  onSelect(selected: boolean): void;
}) {
  const { proposal: p } = props;
  const people = usePeople((s) => s.items);
  const { decide } = useTaskActions();
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
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Checkbox
          aria-label={`Select ${p.title}`}
          checked={props.selected}
          onChange={(e) => props.onSelect(e.currentTarget.checked)}
          disabled={busy}
        />
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
      </Group>
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
 * accept the chosen ones (all when none is chosen) at once. A gap is proposed once, so
 * proposing again never makes duplicates. The list sits under the plan and folds away (the page
 * decides when, see collapse-rule.ts); "Accept all" stays usable while it is folded. It is one
 * list in the page's flow rather than a box that scrolls inside the page.
 */
export function Proposals(props: {
  onEdit(p: TaskProposal): void;
  opened: boolean;
  onToggle(): void;
}) {
  const { proposals } = useProposals();
  const [picked, setPicked] = useState<readonly string[]>([]);
  // Only proposals still offered count as chosen (others were accepted or dismissed meanwhile).
  const selected = picked.filter((id) => proposals.some((p) => p.controlId === id));
  if (proposals.length === 0) return null;
  const select = (id: string, on: boolean) =>
    setPicked(on ? [...selected, id] : selected.filter((x) => x !== id));
  const all = selected.length === proposals.length;
  return (
    <div id={PROPOSALS_ANCHOR} style={{ scrollMarginTop: 72 }}>
      <CollapsibleCard
        title={`${plural(proposals.length, 'proposed task')} from gaps`}
        summary="One for each partial or not-implemented control without a task."
        opened={props.opened}
        onToggle={props.onToggle}
        testId="proposals"
        actions={
          <AcceptProposals
            proposals={proposals}
            selected={selected}
            onAccepted={() => setPicked([])}
          />
        }
      >
        <Checkbox
          label={selected.length > 0 ? `${selected.length} selected` : 'Select all'}
          checked={all}
          indeterminate={selected.length > 0 && !all}
          onChange={() => setPicked(all ? [] : proposals.map((p) => p.controlId))}
          size="xs"
          px="xs"
          mb={4}
          data-testid="select-proposals"
        />
        <Stack gap={0}>
          {proposals.map((p) => (
            <ProposalRow
              key={p.controlId}
              proposal={p}
              onEdit={props.onEdit}
              selected={selected.includes(p.controlId)}
              onSelect={(on) => select(p.controlId, on)}
            />
          ))}
        </Stack>
      </CollapsibleCard>
    </div>
  );
}

/** The element the page's "Proposed tasks" button brings into view. */
export const PROPOSALS_ANCHOR = 'remediation-proposals';

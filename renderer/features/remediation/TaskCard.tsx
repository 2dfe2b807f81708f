import { ActionIcon, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconDots,
  IconExternalLink,
  IconGripVertical,
} from '@tabler/icons-react';
import type { DragEvent, KeyboardEvent } from 'react';
import { TASK_STATUSES, type Task } from '../../../shared/api/tasks';
import { ALT_KEY } from '../../app/shortcuts';
import { formatDate } from '../../components/format';
import { StatusBadge } from '../../components/status';
import { TASK_STATUS_LABEL } from './labels';
import { PriorityLabel } from './PriorityLabel';

export interface CardMoves {
  to(status: Task['status']): void;
  across(direction: 1 | -1): void;
  within(direction: 1 | -1): void;
}

/** A task on the board: drag it, or focus it and use Alt+arrows or its "Move to…" menu. */
export function TaskCard(props: {
  task: Task;
  ownerName: string | null;
  controlRefs: string[];
  dragging: boolean;
  moves: CardMoves;
  onOpen(): void;
  onDragStart(e: DragEvent): void;
  onDragEnd(): void;
}) {
  const { task } = props;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') props.onOpen();
    else if (e.altKey && e.key === 'ArrowRight') props.moves.across(1);
    else if (e.altKey && e.key === 'ArrowLeft') props.moves.across(-1);
    else if (e.altKey && e.key === 'ArrowUp') props.moves.within(-1);
    else if (e.altKey && e.key === 'ArrowDown') props.moves.within(1);
    else return;
    e.preventDefault();
  };
  const due = task.dueOn ? formatDate(task.dueOn) : null;
  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      radius="md"
      tabIndex={0}
      draggable
      data-task-id={task.id}
      data-task-ref={task.ref}
      aria-label={`${task.ref} ${task.title}, ${TASK_STATUS_LABEL[task.status]}${due ? `, due ${due}` : ''}${task.overdue ? ', overdue' : ''}. Enter opens it; ${ALT_KEY} and the arrow keys move it.`}
      onKeyDown={onKeyDown}
      onClick={props.onOpen}
      onDragStart={props.onDragStart}
      onDragEnd={props.onDragEnd}
      style={{
        cursor: 'grab',
        opacity: props.dragging ? 0.45 : 1,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Group gap={4} wrap="nowrap">
            <IconGripVertical size={14} color="var(--mantine-color-dimmed)" aria-hidden />
            <Text size="xs" fw={600} className="attest-mono" c="dimmed">
              {task.ref}
            </Text>
            <PriorityLabel priority={task.priority} />
          </Group>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={`Actions for ${task.ref}`}
                onClick={(e) => e.stopPropagation()}
              >
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
              <Menu.Item leftSection={<IconExternalLink size={14} />} onClick={props.onOpen}>
                Open
              </Menu.Item>
              <Menu.Label>Move to…</Menu.Label>
              {TASK_STATUSES.map((s) => (
                <Menu.Item key={s} disabled={s === task.status} onClick={() => props.moves.to(s)}>
                  {TASK_STATUS_LABEL[s]}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconArrowUp size={14} />}
                onClick={() => props.moves.within(-1)}
              >
                Move up
              </Menu.Item>
              <Menu.Item
                leftSection={<IconArrowDown size={14} />}
                onClick={() => props.moves.within(1)}
              >
                Move down
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Text size="sm" fw={500} lineClamp={2}>
          {task.title}
        </Text>
        <Group justify="space-between" gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed" truncate="end">
            {props.ownerName ?? 'No owner'}
          </Text>
          {task.overdue ? (
            <StatusBadge tone="missing">Overdue · {due}</StatusBadge>
          ) : (
            due && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                Due {due}
              </Text>
            )
          )}
        </Group>
        {props.controlRefs.length > 0 && (
          <Text size="xs" c="dimmed" className="attest-mono" truncate="end">
            {props.controlRefs.join(' ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

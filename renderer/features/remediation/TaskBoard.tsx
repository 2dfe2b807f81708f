import { Box, Group, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { TASK_STATUSES, type Task } from '../../../shared/api/tasks';
import './board.css';
import { notifyError } from '../../app/notify';
import { useGaps } from '../gaps/gaps-store';
import { personName, usePeople } from '../people/people-store';
import { type Move, boardColumns, moveAcross, moveToIndex, moveWithin } from './board';
import { TASK_STATUS_LABEL } from './labels';
import { TaskCard } from './TaskCard';
import { useTaskActions } from './task-queries';

interface DropTarget {
  status: Task['status'];
  index: number;
}

/** Where in a column the pointer is: before the first card whose middle is below it. */
function dropIndex(e: DragEvent<HTMLElement>): number {
  const cards = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-task-id]')];
  const index = cards.findIndex((card) => {
    const box = card.getBoundingClientRect();
    return e.clientY < box.top + box.height / 2;
  });
  return index < 0 ? cards.length : index;
}

/** To do · In progress · Blocked · Done. Drag cards, or move them from the keyboard. */
export function TaskBoard(props: { tasks: readonly Task[]; onOpen(id: string): void }) {
  const people = usePeople((s) => s.items);
  const controls = useGaps((s) => s.controls);
  const { move } = useTaskActions();
  const [dragging, setDragging] = useState<string | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);
  const refocus = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const columns = boardColumns(props.tasks);

  // A card moved from the keyboard lands in another column: keep the focus on it.
  useEffect(() => {
    if (!refocus.current) return;
    document.querySelector<HTMLElement>(`[data-task-id="${refocus.current}"]`)?.focus();
    refocus.current = null;
  }, [props.tasks]);

  const apply = (m: Move | null, fromKeyboard: boolean) => {
    if (!m) return;
    const task = props.tasks.find((t) => t.id === m.id);
    setAnnouncement(`${task?.ref ?? 'Task'} moved to ${TASK_STATUS_LABEL[m.status]}.`);
    refocus.current = fromKeyboard ? m.id : null;
    move(m).catch(notifyError);
  };
  const refsOf = (task: Task) =>
    task.controlIds.map((id) => controls.find((c) => c.id === id)?.ref ?? '').filter(Boolean);

  const onDrop = (e: DragEvent<HTMLElement>, status: Task['status']) => {
    e.preventDefault();
    const id = e.dataTransfer.getData('text/plain') || dragging;
    const index = dropIndex(e);
    setTarget(null);
    setDragging(null);
    if (id) apply(moveToIndex(props.tasks, id, status, index), false);
  };

  return (
    <>
      <SimpleGrid cols={4} spacing="sm" data-testid="task-board">
        {TASK_STATUSES.map((status) => (
          <Stack
            key={status}
            gap="xs"
            p="xs"
            data-column={status}
            aria-label={`${TASK_STATUS_LABEL[status]}, ${columns[status].length} tasks`}
            role="region"
            onDragOver={(e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              setTarget({ status, index: dropIndex(e) });
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setTarget(null);
            }}
            onDrop={(e) => onDrop(e, status)}
            className="attest-board-column"
            data-drop-target={target?.status === status || undefined}
            style={{ minHeight: 240, borderRadius: 'var(--mantine-radius-lg)' }}
          >
            <Group justify="space-between" px={4}>
              <Text size="sm" fw={600}>
                {TASK_STATUS_LABEL[status]}
              </Text>
              <Text size="xs" c="dimmed">
                {columns[status].length}
              </Text>
            </Group>
            {columns[status].map((task, i) => (
              <Box key={task.id}>
                {target?.status === status && target.index === i && dragging !== task.id && (
                  <Box h={2} mb={6} bg="var(--mantine-primary-color-filled)" aria-hidden />
                )}
                <TaskCard
                  task={task}
                  ownerName={personName(people, task.ownerId)}
                  controlRefs={refsOf(task)}
                  dragging={dragging === task.id}
                  onOpen={() => props.onOpen(task.id)}
                  onDragStart={(e) => {
                    e.dataTransfer.setData('text/plain', task.id);
                    e.dataTransfer.effectAllowed = 'move';
                    setDragging(task.id);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setTarget(null);
                  }}
                  moves={{
                    to: (s) => apply({ id: task.id, status: s, beforeId: null }, true),
                    across: (d) => apply(moveAcross(props.tasks, task.id, d), true),
                    within: (d) => apply(moveWithin(props.tasks, task.id, d), true),
                  }}
                />
              </Box>
            ))}
            {target?.status === status && target.index >= columns[status].length && (
              <Box h={2} bg="var(--mantine-primary-color-filled)" aria-hidden />
            )}
            {columns[status].length === 0 && (
              <Text size="xs" c="dimmed" ta="center" py="lg">
                Nothing here
              </Text>
            )}
          </Stack>
        ))}
      </SimpleGrid>
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
    </>
  );
}

import { ActionIcon, Badge, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface RecordItem {
  id: string;
  title: ReactNode;
  /** Plain words for the action buttons' labels ("Edit AWS"). */
  name: string;
  detail?: ReactNode;
  meta?: ReactNode;
  archived?: boolean;
}

/**
 * A short list of records (components, CUECs, incidents…) with edit and archive actions. Archived
 * records are kept (an audit may need them) and offer Restore instead.
 */
export function RecordList(props: {
  items: RecordItem[];
  onEdit?(id: string): void;
  onArchive(id: string, archived: boolean): void;
  /** Shown in place of the row being edited. */
  editing?: { id: string; editor: ReactNode } | null;
  testId?: string;
}) {
  return (
    <Stack gap={0} data-testid={props.testId}>
      {props.items.map((item) =>
        props.editing?.id === item.id ? (
          <Box key={item.id} py="xs">
            {props.editing.editor}
          </Box>
        ) : (
          <Group
            key={item.id}
            justify="space-between"
            wrap="nowrap"
            gap="md"
            py={8}
            px={4}
            className="attest-row"
            data-testid="record-row"
            style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
          >
            <Box style={{ minWidth: 0, flex: 1 }}>
              <Group gap={8} wrap="nowrap">
                <Text size="sm" fw={500} c={item.archived ? 'dimmed' : undefined} truncate="end">
                  {item.title}
                </Text>
                {item.meta}
                {item.archived && (
                  <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                    Archived
                  </Badge>
                )}
              </Group>
              {item.detail && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {item.detail}
                </Text>
              )}
            </Box>
            <Group gap={2} wrap="nowrap">
              {props.onEdit && !item.archived && (
                <Tooltip label="Edit">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Edit ${item.name}`}
                    onClick={() => props.onEdit?.(item.id)}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
              <Tooltip label={item.archived ? 'Restore' : 'Archive (kept, can be restored)'}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`${item.archived ? 'Restore' : 'Archive'} ${item.name}`}
                  onClick={() => props.onArchive(item.id, !item.archived)}
                >
                  {item.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        ),
      )}
    </Stack>
  );
}

import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type SortKey, useControlTable } from './control-filters';

/** A column header that sorts the table by its column; a second click reverses the order. */
export function SortableTh(props: { sortKey: SortKey; w?: number; children: ReactNode }) {
  const sort = useControlTable((s) => s.sort);
  const setSort = useControlTable((s) => s.setSort);
  const active = sort.key === props.sortKey;
  const Icon = !active ? IconSelector : sort.descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th
      w={props.w}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <UnstyledButton onClick={() => setSort(props.sortKey)} fz="sm" fw={600}>
        <Group gap={4} wrap="nowrap">
          {props.children}
          <Icon size={13} stroke={1.8} aria-hidden color="var(--mantine-color-dimmed)" />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

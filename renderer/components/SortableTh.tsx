import { Table, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import './tables.css';

export type SortDir = 'asc' | 'desc';

/** A column heading that sorts its table; says which way with `aria-sort`. */
export function SortableTh<K extends string>(props: {
  column: K;
  sort: { key: K; dir: SortDir };
  onSort(column: K): void;
  children: ReactNode;
  width?: number | string;
}) {
  const active = props.sort.key === props.column;
  const Icon = !active ? IconSelector : props.sort.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th
      w={props.width}
      aria-sort={active ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      p={0}
    >
      <UnstyledButton
        onClick={() => props.onSort(props.column)}
        className="attest-sort-button"
        px="sm"
        py={6}
        w="100%"
      >
        {props.children}
        <Icon size={13} stroke={1.8} aria-hidden style={{ opacity: active ? 1 : 0.45 }} />
      </UnstyledButton>
    </Table.Th>
  );
}

/** Next sort after clicking a column: the same column flips, another starts ascending. */
export function nextSort<K extends string>(
  sort: { key: K; dir: SortDir },
  column: K,
): { key: K; dir: SortDir } {
  return sort.key === column
    ? { key: column, dir: sort.dir === 'asc' ? 'desc' : 'asc' }
    : { key: column, dir: 'asc' };
}

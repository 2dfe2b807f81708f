import { Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type ReactNode, useMemo, useState } from 'react';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { plural } from '../../components/format';

/**
 * One of the package's lists (requests, criteria, controls): every row at once (a package is
 * read whole), narrowed by a search over the words each row is found by, opened in the panel.
 */
export function BrowseTable<T extends object>(props: {
  label: string;
  testId: string;
  rows: readonly T[];
  rowId(row: T): string;
  rowLabel(row: T): string;
  searchText(row: T): string;
  columns: readonly DataColumn<T>[];
  noun: [string, string];
  onOpen(row: T): void;
  activeId: string | null;
  empty: ReactNode;
}) {
  const [query, setQuery] = useState('');
  const { rows, searchText } = props;
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return rows;
    return rows.filter((r) => {
      const text = searchText(r).toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [rows, searchText, query]);
  return (
    <Stack gap="sm">
      <TextInput
        aria-label={`Search ${props.noun[1]}`}
        placeholder={`Search ${props.noun[1]}…`}
        leftSection={<IconSearch size={15} aria-hidden />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={360}
      />
      <DataTable
        label={props.label}
        testId={props.testId}
        rows={shown}
        rowId={props.rowId}
        rowLabel={props.rowLabel}
        columns={props.columns}
        total={shown.length}
        onOpen={props.onOpen}
        activeId={props.activeId}
        maxHeight="calc(100vh - 260px)"
        empty={
          rows.length === 0 ? (
            props.empty
          ) : (
            <Text size="sm" c="dimmed" p="md">
              No {props.noun[1]} match “{query}”.
            </Text>
          )
        }
        footer={
          <Text size="xs" c="dimmed" px="md" py={6}>
            {shown.length === rows.length
              ? plural(rows.length, props.noun[0], props.noun[1])
              : `${shown.length} of ${plural(rows.length, props.noun[0], props.noun[1])}`}
          </Text>
        }
      />
    </Stack>
  );
}

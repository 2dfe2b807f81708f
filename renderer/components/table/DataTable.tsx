import { Box, Checkbox, Loader, Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { type ColumnDef, type RowData, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { SelectionBar } from './SelectionBar';
import { type Selection, isSelected, toggle, toggleLoaded } from './selection';
import { useTableKeyboard } from './use-table-keyboard';
import '../tables.css';
import './data-table.css';

export type SortDir = 'asc' | 'desc';
export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

export interface DataColumn<T, K extends string = string> {
  id: string;
  header: ReactNode;
  /** Spoken and shown in the header when `header` is an icon. */
  label?: string;
  cell(row: T): ReactNode;
  width?: number;
  /** The key the server sorts by when this heading is clicked (none: not sortable). */
  sortKey?: K;
  /** Clicks and keys in this cell are its own (menus, buttons), not the row's. */
  interactive?: boolean;
  /** Figures (sizes, counts) line up on the right, heading included. */
  align?: 'right';
}

// The table keeps no rows of its own: the server sorts, filters and pages; TanStack Table
// lays out the columns and cells of the rows it is given.
const features = tableFeatures({});

/** Rows drawn beyond the visible ones, so quick scrolling never shows blanks. */
const OVERSCAN = 8;
/** Ask for the next page when the drawn rows come this close to the end of the loaded ones. */
const PREFETCH_ROWS = 30;

/**
 * Every record table of Attest: a sticky header, server-side sort, only the rows in view drawn
 * (a bounded number of DOM rows however long the list), the next page asked for as its end
 * comes into view, the keyboard of UX.md (j/k or arrows, Home/End, Enter opens, Space ticks),
 * and optional ticking — of rows, or of every row matching the filters (answered by the server).
 */
export function DataTable<T extends RowData, K extends string = string>(props: {
  label: string;
  testId?: string;
  rows: readonly T[];
  rowId(row: T): string;
  columns: readonly DataColumn<T, K>[];
  sort?: SortState<K>;
  onSort?(key: K): void;
  /** Rows matching the filters, loaded or not (for "select all" and the screen reader). */
  total?: number;
  hasMore?: boolean;
  loadingMore?: boolean;
  /** The rows shown are the previous sort or filter's, while this one's are read (dimmed). */
  stale?: boolean;
  onLoadMore?(): void;
  onOpen?(row: T): void;
  /** The row whose drawer is open. */
  activeId?: string | null;
  /** Data attributes of a row (e.g. `data-archived`), for styling and the e2e page models. */
  rowData?(row: T): Record<`data-${string}`, string | boolean | undefined>;
  /** What a row is called (e.g. "AC-01 Access reviews"): its accessible name and its tick box's. */
  rowLabel?(row: T): string;
  selection?: {
    value: Selection;
    onChange(next: Selection): void;
    /** "control" → "3 controls selected". */
    noun: [singular: string, plural: string];
    actions?: ReactNode;
  };
  /** Estimated row height (px); rows are measured once drawn. */
  rowHeight?: number;
  /** The most the table grows before it scrolls inside (CSS length). */
  maxHeight?: string;
  empty?: ReactNode;
  /** Changes with the sort and filters: the list then starts at its top again. */
  resetKey?: string;
  /** Under the rows, outside the scrolling box (counts, "Load more"). */
  footer?: ReactNode;
  /** Columns keep their widths whatever the cells hold (long text is cut with an ellipsis). */
  fixedLayout?: boolean;
  /** Added to the table's own class, for a table's dense variant. */
  className?: string;
}) {
  const { rows, selection } = props;
  const viewport = useRef<HTMLDivElement>(null);

  const columns = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      props.columns.map((c) => ({
        id: c.id,
        header: () => c.header,
        cell: (info) => c.cell(info.row.original),
      })),
    [props.columns],
  );
  const table = useTable({
    features,
    columns,
    data: rows as T[],
    getRowId: (row) => props.rowId(row),
  });
  const tableRows = table.getRowModel().rows;

  // TanStack Virtual hands back functions React cannot memoise; nothing here is memoised on them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => props.rowHeight ?? 37,
    overscan: OVERSCAN,
  });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtual.getTotalSize() - items.at(-1)!.end : 0;

  const keyboard = useTableKeyboard({
    count: tableRows.length,
    scrollTo: (i) => virtual.scrollToIndex(i, { align: 'auto' }),
    container: viewport,
    pageSize: () => Math.floor((viewport.current?.clientHeight ?? 0) / (props.rowHeight ?? 37)) - 1,
    onOpen: (i) => {
      const row = rows[i];
      if (row !== undefined) props.onOpen?.(row);
    },
    onSpace: selection
      ? (i) => {
          const row = rows[i];
          if (row !== undefined) selection.onChange(toggle(selection.value, props.rowId(row)));
        }
      : undefined,
  });

  const lastDrawn = items.at(-1)?.index ?? -1;
  const { hasMore, loadingMore, onLoadMore } = props;
  useEffect(() => {
    if (hasMore && !loadingMore && lastDrawn >= tableRows.length - PREFETCH_ROWS) onLoadMore?.();
  }, [lastDrawn, tableRows.length, hasMore, loadingMore, onLoadMore]);

  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
  }, [props.resetKey]);

  const loadedIds = useMemo(() => rows.map(props.rowId), [rows, props.rowId]);
  const allLoadedTicked =
    selection !== undefined &&
    loadedIds.length > 0 &&
    loadedIds.every((id) => isSelected(selection.value, id));
  const someTicked =
    selection !== undefined && loadedIds.some((id) => isSelected(selection.value, id));
  const colCount = props.columns.length + (selection ? 1 : 0);

  return (
    <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
      {selection && (
        <SelectionBar
          selection={selection.value}
          onChange={selection.onChange}
          loaded={rows.length}
          total={props.total ?? rows.length}
          noun={selection.noun}
          actions={selection.actions}
        />
      )}
      <Box
        ref={viewport}
        className="attest-data-viewport"
        style={{ maxHeight: props.maxHeight ?? 'calc(100dvh - 220px)' }}
        data-testid={props.testId ? `${props.testId}-viewport` : undefined}
      >
        <Table
          className={props.className ? `attest-table ${props.className}` : 'attest-table'}
          layout={props.fixedLayout ? 'fixed' : undefined}
          stickyHeader
          highlightOnHover={false}
          verticalSpacing={6}
          fz="sm"
          aria-label={props.label}
          aria-rowcount={(props.total ?? rows.length) + 1}
          aria-busy={props.stale || undefined}
          data-testid={props.testId}
        >
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              {selection && (
                <Table.Th w={40}>
                  <Checkbox
                    size="xs"
                    aria-label={`Select every loaded ${selection.noun[0]}`}
                    checked={allLoadedTicked}
                    indeterminate={someTicked && !allLoadedTicked}
                    onChange={() => selection.onChange(toggleLoaded(selection.value, loadedIds))}
                  />
                </Table.Th>
              )}
              {props.columns.map((c) => (
                <HeaderCell key={c.id} column={c} sort={props.sort} onSort={props.onSort} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody {...keyboard.bodyProps}>
            {padTop > 0 && (
              <tr aria-hidden style={{ height: padTop }}>
                <td colSpan={colCount} style={{ padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = tableRows[item.index]!;
              const id = row.id;
              const name = props.rowLabel?.(row.original);
              return (
                <Table.Tr
                  key={id}
                  ref={virtual.measureElement}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-label={name}
                  {...keyboard.rowProps(item.index)}
                  {...props.rowData?.(row.original)}
                  data-selected={
                    id === props.activeId ||
                    (selection && isSelected(selection.value, id)) ||
                    undefined
                  }
                >
                  {selection && (
                    <Table.Td onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        size="xs"
                        tabIndex={-1}
                        aria-label={`Select ${name ?? id}`}
                        checked={isSelected(selection.value, id)}
                        onChange={() => selection.onChange(toggle(selection.value, id))}
                      />
                    </Table.Td>
                  )}
                  {row.getAllCells().map((cell, i) => {
                    const column = props.columns[i]!;
                    return (
                      <Table.Td
                        key={cell.id}
                        w={column.width}
                        ta={column.align}
                        {...(column.interactive
                          ? {
                              onClick: (e) => e.stopPropagation(),
                              onKeyDown: (e) => e.stopPropagation(),
                            }
                          : {})}
                      >
                        <table.FlexRender cell={cell} />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden style={{ height: padBottom }}>
                <td colSpan={colCount} style={{ padding: 0, border: 0 }} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
        {props.loadingMore && (
          <Box py="xs" ta="center">
            <Loader size="xs" aria-label="Loading more" />
          </Box>
        )}
      </Box>
      {rows.length === 0 && props.empty && (
        <Text component="div" size="sm" c="dimmed" ta="center" py="xl" px="md">
          {props.empty}
        </Text>
      )}
      {props.footer}
    </Paper>
  );
}

function HeaderCell<T extends RowData, K extends string>(props: {
  column: DataColumn<T, K>;
  sort?: SortState<K>;
  onSort?(key: K): void;
}) {
  const { column, sort, onSort } = props;
  if (column.sortKey === undefined || !onSort) {
    return (
      <Table.Th w={column.width} ta={column.align} aria-label={column.label}>
        {column.header}
      </Table.Th>
    );
  }
  const key = column.sortKey;
  const active = sort?.key === key;
  const Icon = !active ? IconSelector : sort.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th
      w={column.width}
      p={0}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton
        onClick={() => onSort(key)}
        className="attest-sort-button"
        px="sm"
        py={6}
        w="100%"
        aria-label={column.label}
        style={column.align === 'right' ? { justifyContent: 'flex-end' } : undefined}
      >
        {column.header}
        <Icon size={13} stroke={1.8} aria-hidden style={{ opacity: active ? 1 : 0.45 }} />
      </UnstyledButton>
    </Table.Th>
  );
}

import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconNote } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { CellResult, SelfTestDetail } from '../../../shared/api/self-tests';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';
import { formatDate } from '../../components/format';
import { badgeStyle } from '../../components/status';
import { CellDialog } from './CellDialog';
import { gridKeyAction, moveWithin } from './grid-keys';
import './testing.css';

type Cell = SelfTestDetail['cells'][number];

export const RESULT_LABEL: Record<CellResult, string> = {
  pass: 'Pass',
  fail: 'Fail',
  na: 'N/A',
};
const RESULT_TONE = { pass: 'met', fail: 'missing', na: 'neutral' } as const;

/** Rows drawn beyond the visible ones. */
const OVERSCAN = 6;
const ROW_HEIGHT = 38;

/**
 * The attribute grid: the sampled items down, the attributes across, each cell pass, fail or not
 * applicable. Keyboard-first like Assess mode: arrows or j/k/h/l move, p/f/n set, Enter opens the
 * cell's note and evidence. Only the rows in view are drawn, however large the sample.
 */
export function AttributeGrid(props: { test: SelfTestDetail; readOnly: boolean }) {
  const { test } = props;
  const api = useApi();
  const viewport = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [dialog, setDialog] = useState<{ row: number; col: number; result?: CellResult } | null>(
    null,
  );
  const cells = useMemo(() => {
    const by = new Map<string, Cell>();
    for (const c of test.cells) by.set(`${c.itemId}|${c.attributeId}`, c);
    return by;
  }, [test.cells]);
  const cellAt = (row: number, col: number) => {
    const item = test.items[row];
    const attribute = test.attributes[col];
    return item && attribute ? cells.get(`${item.id}|${attribute.id}`) : undefined;
  };

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: test.items.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const rows = virtual.getVirtualItems();
  const padTop = rows[0]?.start ?? 0;
  const padBottom = rows.length > 0 ? virtual.getTotalSize() - rows.at(-1)!.end : 0;

  const set = async (row: number, col: number, result: CellResult) => {
    const item = test.items[row];
    const attribute = test.attributes[col];
    if (!item || !attribute || props.readOnly) return;
    const existing = cellAt(row, col);
    if (existing?.result === result) return;
    // Undoing a fail withdraws its deviation: that needs the reason, asked in the cell's dialog.
    if (existing?.result === 'fail') {
      setDialog({ row, col, result });
      return;
    }
    try {
      await api.call('selfTests.setCell', {
        testId: test.id,
        itemId: item.id,
        attributeId: attribute.id,
        result,
        note: existing?.note ?? '',
        evidenceId: existing?.evidenceId ?? null,
      });
    } catch (e) {
      notifyError(e);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const action = gridKeyAction(e);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'move') {
      const next = moveWithin(active, action, {
        rows: test.items.length,
        cols: test.attributes.length,
      });
      setActive(next);
      virtual.scrollToIndex(next.row, { align: 'auto' });
    } else if (action.kind === 'set') {
      void set(active.row, active.col, action.result);
    } else if (!props.readOnly) {
      setDialog({ row: active.row, col: active.col });
    }
  };

  const cellId = (row: number, col: number) => `${test.id}-cell-${row}-${col}`;
  const answered = test.items.filter((item) =>
    test.attributes.every((a) => cells.has(`${item.id}|${a.id}`)),
  ).length;

  return (
    <Paper withBorder p="md" radius="lg" data-testid="attribute-grid">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Attribute grid
        </Title>
        <Text size="xs" c="dimmed">
          {answered} of {test.items.length} items answered.
          {props.readOnly
            ? ' An earlier test is kept as it was.'
            : ' Click the grid or Tab to it, then arrows or j/k/h/l to move, p pass, f fail, n not applicable, Enter for the note and evidence.'}
        </Text>
        <div
          ref={viewport}
          className="attest-grid-viewport"
          style={{ maxHeight: 'min(60dvh, 560px)', overflow: 'auto' }}
        >
          <Table
            role="grid"
            aria-label={`Attribute grid of ${test.ref}`}
            aria-rowcount={test.items.length + 1}
            aria-activedescendant={
              test.items.length > 0 && test.attributes.length > 0
                ? cellId(active.row, active.col)
                : undefined
            }
            tabIndex={0}
            onKeyDown={onKeyDown}
            stickyHeader
            className="attest-table attest-test-grid"
            verticalSpacing={6}
            fz="sm"
            data-testid="grid"
          >
            <Table.Thead>
              <Table.Tr role="row" aria-rowindex={1}>
                <Table.Th role="columnheader" w={48}>
                  #
                </Table.Th>
                <Table.Th role="columnheader" w={220}>
                  Sampled item
                </Table.Th>
                {test.attributes.map((a) => (
                  <Table.Th role="columnheader" key={a.id} style={{ minWidth: 150 }}>
                    {a.text}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {padTop > 0 && (
                <tr aria-hidden>
                  <td style={{ height: padTop, padding: 0 }} />
                </tr>
              )}
              {rows.map((v) => {
                const item = test.items[v.index]!;
                return (
                  <Table.Tr
                    key={item.id}
                    role="row"
                    aria-rowindex={v.index + 2}
                    data-index={v.index}
                    ref={virtual.measureElement}
                    data-testid="grid-row"
                    data-label={item.label}
                  >
                    <Table.Td role="gridcell">{item.position}</Table.Td>
                    <Table.Td role="rowheader">
                      <Text size="sm" lineClamp={1} title={item.label}>
                        {item.label}
                      </Text>
                      {item.date && (
                        <Text size="xs" c="dimmed">
                          {formatDate(item.date)}
                          {item.round > 0 ? ' · added by expansion' : ''}
                        </Text>
                      )}
                    </Table.Td>
                    {test.attributes.map((a, col) => {
                      const cell = cells.get(`${item.id}|${a.id}`);
                      const isActive = active.row === v.index && active.col === col;
                      return (
                        <Table.Td
                          key={a.id}
                          id={cellId(v.index, col)}
                          role="gridcell"
                          aria-selected={isActive}
                          data-active={isActive || undefined}
                          data-result={cell?.result ?? 'empty'}
                          data-testid="grid-cell"
                          className="attest-grid-cell"
                          onClick={() => setActive({ row: v.index, col })}
                          onDoubleClick={() => !props.readOnly && setDialog({ row: v.index, col })}
                        >
                          {cell ? (
                            <span
                              className="attest-grid-result"
                              style={badgeStyle(RESULT_TONE[cell.result]).root}
                            >
                              {RESULT_LABEL[cell.result]}
                              {(cell.note || cell.evidenceId) && (
                                <IconNote
                                  size={12}
                                  aria-label="Has a note or evidence"
                                  style={{ marginLeft: 4, verticalAlign: -2 }}
                                />
                              )}
                            </span>
                          ) : (
                            <Text span size="xs" c="dimmed">
                              Not checked
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
              {padBottom > 0 && (
                <tr aria-hidden>
                  <td style={{ height: padBottom, padding: 0 }} />
                </tr>
              )}
            </Table.Tbody>
          </Table>
        </div>
      </Stack>
      {dialog && test.items[dialog.row] && test.attributes[dialog.col] && (
        <CellDialog
          test={test}
          item={test.items[dialog.row]!}
          attribute={test.attributes[dialog.col]!}
          cell={cellAt(dialog.row, dialog.col)}
          initialResult={dialog.result}
          onClose={() => setDialog(null)}
        />
      )}
    </Paper>
  );
}

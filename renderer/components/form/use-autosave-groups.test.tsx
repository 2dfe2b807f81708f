// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { engagementPatch } from '../../../shared/api/methods/scope';
import { ApiCallError, type ApiClient } from '../../api';
import { ApiProvider } from '../../api/provider';
import { useAutosaveForm } from './use-autosave-form';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const undo = vi.hoisted(() => ({ last: null as null | (() => void), what: '', refused: '' }));
vi.mock('./undo-toast', () => ({
  offerUndo: (what: string, run: () => void) => {
    undo.what = what;
    undo.last = run;
  },
  sayUndoRefused: (what: string) => {
    undo.refused = what;
  },
}));
vi.mock('../../app/notify', () => ({ notifyError: vi.fn(), notifySuccess: vi.fn() }));

const fakeClient = { kind: 'desktop' } as unknown as ApiClient;
const wrapper = ({ children }: { children: ReactNode }) => (
  <MantineProvider>
    <ApiProvider client={fakeClient}>{children}</ApiProvider>
  </MantineProvider>
);

/** A report type and its dates (one answer), and a note that travels with it. */
type Values = {
  reportType: 'type1' | 'type2';
  asOf: string;
  start: string;
  end: string;
  client: string;
};
const SAVED: Values = {
  reportType: 'type1',
  asOf: '2026-06-30',
  start: '',
  end: '',
  client: 'Acme',
};
const LABELS = { reportType: 'Type', asOf: 'As of', start: 'Start', end: 'End', client: 'Client' };

const pause = (ms = 120) => act(async () => new Promise((r) => setTimeout(r, ms)));

function reportForm(
  save: (input: unknown) => Promise<unknown>,
  extra: { carries?: 'client'[] } = {},
) {
  return renderHook(
    () =>
      useAutosaveForm<Values, unknown>({
        values: SAVED,
        patchSchema: engagementPatch,
        labels: LABELS,
        saveField: vi.fn(async () => ({})),
        errorPath: (path) =>
          path.startsWith('period') ? (path === 'period.start' ? 'start' : 'end') : path,
        groups: {
          report: {
            fields: ['reportType', 'asOf', 'start', 'end'],
            label: 'Report type and dates',
            schema: engagementPatch,
            ...extra,
            toInput: (v, saved) => {
              if (v.reportType === 'type1') return { reportType: 'type1', asOf: v.asOf || null };
              if (v.start && v.end)
                return { reportType: 'type2', period: { start: v.start, end: v.end } };
              return saved.reportType === 'type2' ? null : { reportType: 'type2' };
            },
            save,
          },
        },
        delay: 50,
      }),
    { wrapper },
  );
}

afterEach(() => {
  undo.last = null;
  undo.refused = '';
});

describe('fields saved together', () => {
  it('a choice in the group sends the group at once, as one call', async () => {
    const save = vi.fn(async (_input: unknown) => ({}));
    const { result } = reportForm(save);
    act(() => result.current.change('reportType', 'type2', true));
    await pause(0);
    expect(save.mock.calls).toEqual([[{ reportType: 'type2' }]]);
    expect(undo.what).toBe('Report type and dates');
  });

  it('waits until the group is complete, then sends it once after a pause', async () => {
    const save = vi.fn(async (_input: unknown) => ({}));
    const { result } = reportForm(save);
    act(() => result.current.change('reportType', 'type2', true));
    await pause(0);
    save.mockClear();
    act(() => result.current.field('start').onChange('2026-01-01'));
    await pause();
    expect(save).not.toHaveBeenCalled();
    act(() => result.current.field('end').onChange('2026-1'));
    act(() => result.current.field('end').onChange('2026-12-31'));
    expect(save).not.toHaveBeenCalled();
    await pause();
    expect(save.mock.calls).toEqual([
      [{ reportType: 'type2', period: { start: '2026-01-01', end: '2026-12-31' } }],
    ]);
  });

  it('what the schema refuses is not sent; the reason shows on the field it is about', async () => {
    const save = vi.fn(async (_input: unknown) => ({}));
    const { result } = reportForm(save);
    act(() => result.current.change('reportType', 'type2', true));
    await pause(0);
    save.mockClear();
    act(() => result.current.field('start').onChange('2026-02-30x'));
    act(() => result.current.field('end').onChange('2026-12-31'));
    await pause();
    expect(save.mock.calls).toEqual([]);
    expect(result.current.field('start').error).toBeTruthy();
    expect(result.current.field('end').error).toBeUndefined();
  });

  it("Attest's refusal shows on the field its path names", async () => {
    const save = vi.fn(async (): Promise<unknown> => {
      throw new ApiCallError({
        code: 'validation',
        message: 'Not accepted',
        details: [{ path: ['period', 'end'], message: 'The period must end after it starts' }],
      });
    });
    const { result } = reportForm(save);
    act(() => result.current.change('reportType', 'type2', true));
    await pause(0);
    act(() => result.current.field('start').onChange('2026-06-01'));
    act(() => result.current.field('end').onChange('2026-01-01'));
    await pause();
    expect(result.current.field('end').error).toBe('The period must end after it starts');
    expect(result.current.field('start').error).toBeUndefined();
  });

  it('Undo puts the whole group back in one call', async () => {
    const save = vi.fn(async (_input: unknown) => ({}));
    const { result } = reportForm(save);
    act(() => result.current.change('reportType', 'type2', true));
    await pause(0);
    await act(async () => undo.last!());
    await pause(0);
    expect(result.current.values.reportType).toBe('type1');
    expect(result.current.values.asOf).toBe('2026-06-30');
    expect(save.mock.calls.at(-1)).toEqual([{ reportType: 'type1', asOf: '2026-06-30' }]);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('Undo is refused once a field of the group has changed since', async () => {
    const save = vi.fn(async (_input: unknown) => ({}));
    const { result } = reportForm(save);
    act(() => result.current.field('asOf').onChange('2026-07-31'));
    await pause();
    const stale = undo.last!;
    act(() => result.current.field('asOf').onChange('2026-08-31'));
    await act(async () => stale());
    await pause();
    expect(undo.refused).toBe('Report type and dates');
    expect(result.current.values.asOf).toBe('2026-08-31');
    expect(save.mock.calls.map((c) => c[0])).not.toContainEqual({
      reportType: 'type1',
      asOf: '2026-06-30',
    });
  });

  it('a field the group carries is saved by its call, not again on its own', async () => {
    const save = vi.fn(async (_input: unknown) => ({}));
    const { result } = reportForm(save, { carries: ['client'] });
    act(() => result.current.form.setFieldValue('client', 'Acme Ltd'));
    act(() => result.current.change('asOf', '2026-07-31', true));
    await pause(0);
    act(() => result.current.change('client', 'Acme Ltd'));
    await pause();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('what waits is sent when the form goes away', async () => {
    const save = vi.fn(async (_input: unknown) => ({}));
    const { result, unmount } = reportForm(save);
    act(() => result.current.field('asOf').onChange('2026-09-30'));
    expect(save).not.toHaveBeenCalled();
    unmount();
    await pause(0);
    expect(save.mock.calls).toEqual([[{ reportType: 'type1', asOf: '2026-09-30' }]]);
  });

  it('adopt is one function for the life of the form', async () => {
    const { result, rerender } = reportForm(vi.fn(async () => ({})));
    const first = result.current.adopt;
    act(() => result.current.field('asOf').onChange('2026-07-31'));
    rerender();
    expect(result.current.adopt).toBe(first);
  });
});

// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRiskInput, riskPatch } from '../../../shared/api/risks';
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

const LABELS = { title: 'Title', likelihood: 'Likelihood', impact: 'Impact' };
type Values = { title: string; likelihood: number; impact: number };
const RISK: Values = { title: 'Vendor outage', likelihood: 3, impact: 3 };

const pause = (ms = 700) => act(async () => new Promise((r) => setTimeout(r, ms)));

function editing(saveField: (field: string, value: unknown) => Promise<unknown>) {
  return renderHook(
    () =>
      useAutosaveForm<Values, unknown>({
        values: RISK,
        patchSchema: riskPatch,
        labels: LABELS,
        saveField,
        delay: 50,
      }),
    { wrapper },
  );
}

afterEach(() => {
  undo.last = null;
});

describe('the one save model', () => {
  it('saves a typed field once, after a pause, and only that field', async () => {
    const save = vi.fn(async () => ({}));
    const { result } = editing(save);
    act(() => result.current.field('title').onChange('Vendor'));
    act(() => result.current.field('title').onChange('Vendor outage stops billing'));
    expect(save).not.toHaveBeenCalled();
    await pause(120);
    expect(save.mock.calls).toEqual([['title', 'Vendor outage stops billing']]);
  });

  it('a choice saves at once', async () => {
    const save = vi.fn(async () => ({}));
    const { result } = editing(save);
    act(() => result.current.field('impact').onChange(2));
    await pause(0);
    expect(save.mock.calls).toEqual([['impact', 2]]);
  });

  it('a choice whose value is text saves at once when it says so', async () => {
    const save = vi.fn(async () => ({}));
    const { result } = editing(save);
    act(() => result.current.change('title', 'Picked from a list', true));
    await pause(0);
    expect(save.mock.calls).toEqual([['title', 'Picked from a list']]);
  });

  it("Attest's answer shows in the other fields, and the field just typed stays as typed", async () => {
    const { result } = renderHook(
      () => {
        const form = useAutosaveForm<Values, Values>({
          values: RISK,
          patchSchema: riskPatch,
          labels: LABELS,
          // Attest trims the title and, say, lowers the impact with it.
          saveField: async (_field, value) => ({ ...RISK, title: String(value).trim(), impact: 1 }),
          onSaved: (saved) => form.adopt(saved),
          delay: 50,
        });
        return form;
      },
      { wrapper },
    );
    act(() => result.current.field('title').onChange('Vendor outage '));
    await pause(120);
    expect(result.current.values.title).toBe('Vendor outage ');
    expect(result.current.values.impact).toBe(1);
  });

  it('what the contract refuses is not sent, and the field says why in plain words', async () => {
    const save = vi.fn(async () => ({}));
    const { result } = editing(save);
    act(() => result.current.field('title').onChange('x'.repeat(301)));
    await pause(120);
    expect(save).not.toHaveBeenCalled();
    expect(result.current.field('title').error).toBe('Keep this to 300 characters or fewer');
    expect(result.current.field('title').maxLength).toBe(300);
    expect(result.current.counter('title')).toBe('301 / 300');
  });

  it('a refusal from Attest is shown under the field it is about', async () => {
    const save = vi.fn(async () => {
      throw new ApiCallError({
        code: 'validation',
        message: 'Not accepted',
        details: [{ path: ['patch', 'title'], message: 'Another risk has this title' }],
      });
    });
    const { result } = editing(save);
    act(() => result.current.field('title').onChange('Duplicate'));
    await pause(120);
    expect(result.current.field('title').error).toBe('Another risk has this title');
  });

  it('a refusal of one row of a list shows on that row, and the next change clears it', async () => {
    const save = vi.fn(async (): Promise<unknown> => {
      throw new ApiCallError({
        code: 'validation',
        message: 'Not accepted',
        details: [{ path: ['title', '1'], message: 'Not this one' }],
      });
    });
    const { result } = editing(save);
    act(() => result.current.field('title').onChange('Vendor outage, again'));
    await pause(120);
    expect(result.current.form.errors['title.1']).toBe('Not this one');
    save.mockImplementation(async () => ({}));
    act(() => result.current.field('title').onChange('Vendor outage'));
    expect(result.current.form.errors['title.1']).toBeUndefined();
  });

  it('Undo puts back the value before the last change and saves it', async () => {
    const save = vi.fn(async () => ({}));
    const { result } = editing(save);
    act(() => result.current.field('title').onChange('Renamed'));
    await pause(120);
    expect(undo.what).toBe('Title');
    await act(async () => undo.last!());
    await pause(0);
    expect(result.current.values.title).toBe('Vendor outage');
    expect(save.mock.calls.at(-1)).toEqual(['title', 'Vendor outage']);
  });

  it('Undo is refused once the field has changed since', async () => {
    const save = vi.fn(async () => ({}));
    const { result } = editing(save);
    act(() => result.current.field('title').onChange('Renamed'));
    await pause(120);
    const staleUndo = undo.last!;
    act(() => result.current.field('title').onChange('Renamed again'));
    await act(async () => staleUndo());
    await pause(120);
    expect(result.current.values.title).toBe('Renamed again');
    expect(undo.refused).toBe('Title');
    expect((save.mock.calls as unknown[][]).map((c) => c[1])).not.toContain('Vendor outage');
  });
});

describe('a new record', () => {
  const blank: Values = { title: '', likelihood: 3, impact: 3 };
  function creating(
    run: (input: unknown) => Promise<unknown>,
    saveField = vi.fn(async () => ({})),
  ) {
    return renderHook(
      () =>
        useAutosaveForm<Values, unknown>({
          values: blank,
          patchSchema: riskPatch,
          labels: LABELS,
          create: { schema: newRiskInput, toInput: (v) => v, run },
          saveField,
          delay: 50,
        }),
      { wrapper },
    );
  }

  it('exists from its first valid save (Create); later fields save on their own', async () => {
    const run = vi.fn(async () => ({ id: 'rsk_1' }));
    const saveField = vi.fn(async () => ({}));
    const { result } = creating(run, saveField);
    expect(result.current.draftPending).toBe(false);
    act(() => result.current.field('title').onChange('Laptop theft'));
    expect(result.current.draftPending).toBe(true);
    await pause(120);
    expect(run).not.toHaveBeenCalled();
    expect(saveField).not.toHaveBeenCalled();
    await act(async () => {
      expect(await result.current.createNow()).toBe(true);
    });
    expect(run.mock.calls).toEqual([[{ title: 'Laptop theft', likelihood: 3, impact: 3 }]]);
    expect(result.current.created).toBe(true);
    expect(result.current.draftPending).toBe(false);
    act(() => result.current.field('impact').onChange(4));
    await pause(0);
    expect(saveField.mock.calls).toEqual([['impact', 4]]);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('is not created while invalid; Create says why under the field', async () => {
    const run = vi.fn(async () => ({ id: 'rsk_1' }));
    const { result } = creating(run);
    act(() => result.current.field('impact').onChange(4));
    await pause(120);
    expect(run).not.toHaveBeenCalled();
    await act(async () => {
      await result.current.createNow();
    });
    expect(run).not.toHaveBeenCalled();
    expect(result.current.field('title').error).toBeTruthy();
    expect(result.current.draftPending).toBe(true);
  });
});

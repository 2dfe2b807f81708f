// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPendingSaves, hasPendingSaves, useUnsaved } from './unsaved-store';
import { useFieldAutosave } from './use-field-autosave';

vi.mock('../../../api/provider', () => ({ useApi: () => ({ kind: 'browser' }) }));

/** A save the test answers by hand, so "in flight" can be seen. */
function slowSaves() {
  const sent: [string, unknown][] = [];
  const answers: (() => void)[] = [];
  const save = vi.fn(
    (field: string, value: unknown) =>
      new Promise<void>((resolve) => {
        sent.push([field, value]);
        answers.push(resolve);
      }),
  );
  const answerAll = async () => {
    while (answers.length) {
      answers.shift()!();
      await act(async () => {
        await Promise.resolve();
      });
    }
  };
  return { sent, save, answerAll };
}

const wait = (ms: number) => act(async () => new Promise((r) => setTimeout(r, ms)));
const settle = () => wait(0);

function beforeUnload() {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeEach(() => {
  useUnsaved.setState({ waiting: 0, sending: 0 });
});

describe('useFieldAutosave', () => {
  it('waits for a pause in typing, then sends the last value once', async () => {
    const { sent, save, answerAll } = slowSaves();
    const { result, unmount } = renderHook(() => useFieldAutosave(save, 200));
    act(() => {
      result.current.schedule('boundaries', 'The');
      result.current.schedule('boundaries', 'The platform');
    });
    expect(useUnsaved.getState().waiting).toBe(1);
    await wait(100);
    expect(sent).toEqual([]);
    await wait(300);
    expect(sent).toEqual([['boundaries', 'The platform']]);
    expect(useUnsaved.getState()).toMatchObject({ waiting: 0, sending: 1 });
    await answerAll();
    await settle();
    expect(hasPendingSaves()).toBe(false);
    unmount();
  });

  it('sends what is waiting at once when the form goes away', async () => {
    const { sent, save } = slowSaves();
    const { result, unmount } = renderHook(() => useFieldAutosave(save, 600));
    act(() => result.current.schedule('services', 'Hosted analytics'));
    unmount();
    await settle();
    expect(sent).toEqual([['services', 'Hosted analytics']]);
  });

  it('sends every mounted form’s waiting edits on flushPendingSaves (a step change)', async () => {
    const { sent, save } = slowSaves();
    const a = renderHook(() => useFieldAutosave(save, 600));
    const b = renderHook(() => useFieldAutosave(save, 600));
    act(() => {
      a.result.current.schedule('one', 1);
      b.result.current.schedule('two', 2);
    });
    flushPendingSaves();
    await settle();
    expect(sent).toEqual([
      ['one', 1],
      ['two', 2],
    ]);
    a.unmount();
    b.unmount();
  });

  it('sends at once on pagehide', async () => {
    const { sent, save } = slowSaves();
    const { result, unmount } = renderHook(() => useFieldAutosave(save, 600));
    act(() => result.current.schedule('boundaries', 'Not the website'));
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(sent).toEqual([['boundaries', 'Not the website']]);
    unmount();
  });

  it('on beforeunload sends at once and asks to confirm leaving until the save is answered', async () => {
    const { sent, save, answerAll } = slowSaves();
    const { result, unmount } = renderHook(() => useFieldAutosave(save, 600));
    expect(beforeUnload().defaultPrevented).toBe(false);

    act(() => result.current.schedule('boundaries', 'Typed just now'));
    expect(beforeUnload().defaultPrevented).toBe(true);
    await settle();
    expect(sent).toEqual([['boundaries', 'Typed just now']]);
    // Sent but not answered: still asks.
    expect(beforeUnload().defaultPrevented).toBe(true);
    await answerAll();
    await settle();
    expect(beforeUnload().defaultPrevented).toBe(false);
    unmount();
  });

  it('counts a refused save as done, and keeps sending the next ones', async () => {
    const sent: unknown[] = [];
    const save = vi.fn(async (_f: string, v: unknown) => {
      sent.push(v);
      if (v === 'bad') throw new Error('refused');
    });
    const { result, unmount } = renderHook(() => useFieldAutosave(save, 600));
    act(() => {
      result.current.schedule('a', 'bad', true);
      result.current.schedule('b', 'good', true);
    });
    await settle();
    expect(sent).toEqual(['bad', 'good']);
    expect(hasPendingSaves()).toBe(false);
    unmount();
  });
});

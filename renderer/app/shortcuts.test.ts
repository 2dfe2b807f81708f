// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { type KeyLike, createShortcutReader } from './shortcuts';

const key = (k: string, at: number, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code: /^\d$/.test(k) ? `Digit${k}` : `Key${k.toUpperCase()}`,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  timeStamp: at,
  ...extra,
});

describe('createShortcutReader', () => {
  it('reads g then a letter as a jump to a step', () => {
    const read = createShortcutReader();
    expect(read(key('g', 0))).toBeNull();
    expect(read(key('a', 300))).toEqual({ type: 'go', step: 'gaps' });
    expect(read(key('g', 1000))).toBeNull();
    expect(read(key('y', 1200))).toEqual({ type: 'go', step: 'readiness' });
  });

  it('forgets a g pressed too long ago, or followed by another key', () => {
    const read = createShortcutReader();
    read(key('g', 0));
    expect(read(key('d', 5000))).toBeNull();
    read(key('g', 6000));
    read(key('x', 6100));
    expect(read(key('d', 6200))).toBeNull();
  });

  it('reads Alt+digit by key position (macOS Option types other characters)', () => {
    const read = createShortcutReader();
    expect(read(key('¡', 0, { altKey: true, code: 'Digit1' }))).toEqual({
      type: 'go',
      step: 'scope',
    });
    expect(read(key('0', 0, { altKey: true }))).toEqual({ type: 'go', step: 'dashboard' });
    expect(read(key('9', 0, { altKey: true }))).toBeNull();
  });

  it('opens help with ? and leaves Ctrl/Cmd combinations alone', () => {
    const read = createShortcutReader();
    expect(read(key('?', 0, { code: 'Slash' }))).toEqual({ type: 'help' });
    expect(read(key('g', 0, { ctrlKey: true }))).toBeNull();
    expect(read(key('d', 10))).toBeNull();
  });
});

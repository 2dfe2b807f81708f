// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { focusKeyAction, isTypingTarget, nextUnassessed, stepControl } from './focus-keys';

const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('focusKeyAction', () => {
  it('maps 1–4 to the four statuses', () => {
    expect(focusKeyAction(key('1'))).toEqual({ type: 'status', status: 'implemented' });
    expect(focusKeyAction(key('2'))).toEqual({ type: 'status', status: 'partial' });
    expect(focusKeyAction(key('3'))).toEqual({ type: 'status', status: 'not_implemented' });
    expect(focusKeyAction(key('4'))).toEqual({ type: 'status', status: 'not_applicable' });
    expect(focusKeyAction(key('5'))).toBeNull();
  });

  it('moves with j/k and the left and right arrows, and jumps with n', () => {
    expect(focusKeyAction(key('j'))).toEqual({ type: 'move', direction: 1 });
    expect(focusKeyAction(key('ArrowRight'))).toEqual({ type: 'move', direction: 1 });
    expect(focusKeyAction(key('k'))).toEqual({ type: 'move', direction: -1 });
    expect(focusKeyAction(key('ArrowLeft'))).toEqual({ type: 'move', direction: -1 });
    expect(focusKeyAction(key('n'))).toEqual({ type: 'nextUnassessed' });
  });

  it('leaves modified keys to the app (Alt+2 changes step, Ctrl+K opens the palette)', () => {
    expect(focusKeyAction(key('2', { altKey: true }))).toBeNull();
    expect(focusKeyAction(key('k', { ctrlKey: true }))).toBeNull();
    expect(focusKeyAction(key('j', { metaKey: true }))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is true in fields and dialogs, false on buttons', () => {
    const input = document.createElement('input');
    const area = document.createElement('textarea');
    const button = document.createElement('button');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const inDialog = document.createElement('button');
    dialog.append(inDialog);
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(area)).toBe(true);
    expect(isTypingTarget(inDialog)).toBe(true);
    expect(isTypingTarget(button)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('stepControl and nextUnassessed', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('steps both ways and wraps at the ends', () => {
    expect(stepControl(ids, 'b', 1)).toBe('c');
    expect(stepControl(ids, 'd', 1)).toBe('a');
    expect(stepControl(ids, 'a', -1)).toBe('d');
    expect(stepControl(ids, 'zz', 1)).toBe('a');
    expect(stepControl([], 'a', 1)).toBe('a');
  });

  it('finds the next unassessed control after the current one, wrapping', () => {
    const assessed = new Set(['a', 'b', 'd']);
    expect(nextUnassessed(ids, 'a', (id) => assessed.has(id))).toBe('c');
    expect(nextUnassessed(ids, 'd', (id) => id !== 'b')).toBe('b');
    expect(nextUnassessed(ids, null, (id) => id !== 'a')).toBe('a');
    expect(nextUnassessed(ids, 'a', () => true)).toBeNull();
  });
});

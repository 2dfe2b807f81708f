import { useEffect } from 'react';
import { STEPS, type StepId } from './steps';

export type ShortcutAction = { type: 'go'; step: StepId } | { type: 'help' };

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  timeStamp: number;
}

const SEQUENCE_MS = 1500;

/**
 * Reads global shortcuts from a stream of key presses: `?` for help, `g` then a letter for a
 * step, `Alt`+digit for a step. Pure (no DOM), so it is tested without a browser.
 */
export function createShortcutReader(): (e: KeyLike) => ShortcutAction | null {
  let gAt: number | null = null;
  return (e) => {
    const pendingG = gAt !== null && e.timeStamp - gAt <= SEQUENCE_MS;
    gAt = null;
    if (e.ctrlKey || e.metaKey) return null;
    if (e.altKey) {
      const digit = /^Digit(\d)$/.exec(e.code)?.[1];
      const step = STEPS.find((s) => s.digit === digit);
      return step ? { type: 'go', step: step.id } : null;
    }
    if (e.key === '?') return { type: 'help' };
    const key = e.key.toLowerCase();
    if (pendingG) {
      const step = STEPS.find((s) => s.goKey === key);
      return step ? { type: 'go', step: step.id } : null;
    }
    if (key === 'g') gAt = e.timeStamp;
    return null;
  };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('[role="dialog"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Listens for the global shortcuts while mounted. */
export function useGlobalShortcuts(onAction: (action: ShortcutAction) => void): void {
  useEffect(() => {
    const read = createShortcutReader();
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || isTyping(e.target)) return;
      const action = read(e);
      if (!action) return;
      e.preventDefault();
      onAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onAction]);
}

export const IS_MAC =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD_KEY = IS_MAC ? '⌘' : 'Ctrl';
export const ALT_KEY = IS_MAC ? '⌥' : 'Alt';

export interface ShortcutHelp {
  keys: string[][];
  label: string;
}

/** What the `?` overlay lists. */
export function shortcutHelp(): { title: string; items: ShortcutHelp[] }[] {
  return [
    {
      title: 'Anywhere',
      items: [
        { keys: [[MOD_KEY, 'K']], label: 'Search screens and actions' },
        { keys: [['?']], label: 'Show this list of shortcuts' },
        { keys: [['Esc']], label: 'Close a dialog, menu or the palette' },
        { keys: [['Tab'], ['Shift', 'Tab']], label: 'Move focus forward / back' },
        { keys: [['Enter']], label: 'Open or run the focused item' },
      ],
    },
    {
      title: 'Move between steps',
      items: STEPS.map((s) => ({
        keys: [
          ['G', s.goKey.toUpperCase()],
          [ALT_KEY, s.digit],
        ],
        label: s.number === null ? s.label : `${s.number}. ${s.label}`,
      })),
    },
    {
      title: 'Tables',
      items: [
        { keys: [['J'], ['↓']], label: 'Next row' },
        { keys: [['K'], ['↑']], label: 'Previous row' },
        { keys: [['Enter']], label: 'Open the row in the side panel' },
        { keys: [['Esc']], label: 'Close the side panel' },
      ],
    },
    {
      title: 'Gap analysis — assess one control at a time',
      items: [
        {
          keys: [['1'], ['2'], ['3'], ['4']],
          label: 'Implemented / partial / not implemented / not applicable',
        },
        { keys: [['J'], ['→']], label: 'Next control' },
        { keys: [['K'], ['←']], label: 'Previous control' },
        { keys: [['N']], label: 'Next control not yet assessed' },
      ],
    },
    {
      title: 'Remediation board',
      items: [
        {
          keys: [
            [ALT_KEY, '←'],
            [ALT_KEY, '→'],
          ],
          label: 'Move the focused task to the column before / after',
        },
      ],
    },
  ];
}

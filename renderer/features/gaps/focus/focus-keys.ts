import type { AssessmentStatus } from '../../../../shared/domain/coverage';
import { STATUS_KEYS } from '../labels';

export type FocusAction =
  | { type: 'status'; status: AssessmentStatus }
  | { type: 'move'; direction: 1 | -1 }
  | { type: 'nextUnassessed' };

export interface FocusKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * Focused mode's keys: 1–4 choose the status, j/k or →/← move to the next/previous control, n
 * jumps to the next one not yet assessed. Modified keys belong to the app (Alt+digit changes
 * step, Ctrl+K opens the palette), so they are left alone. Pure, so it is tested without a DOM.
 */
export function focusKeyAction(e: FocusKey): FocusAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const byKey = STATUS_KEYS.find((s) => s.key === e.key);
  if (byKey) return { type: 'status', status: byKey.status };
  switch (e.key) {
    case 'j':
    case 'ArrowRight':
      return { type: 'move', direction: 1 };
    case 'k':
    case 'ArrowLeft':
      return { type: 'move', direction: -1 };
    case 'n':
      return { type: 'nextUnassessed' };
    default:
      return null;
  }
}

/** Keys typed into a field, a menu or a dialog are the field's, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('[role="dialog"],[role="listbox"],[role="menu"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The control `direction` steps away from `currentId`, wrapping at the ends. */
export function stepControl(ids: readonly string[], currentId: string, direction: 1 | -1): string {
  if (ids.length === 0) return currentId;
  const index = ids.indexOf(currentId);
  if (index < 0) return ids[0]!;
  return ids[(index + direction + ids.length) % ids.length]!;
}

/** The next control after `currentId` (wrapping) that has no assessment; null when none is left. */
export function nextUnassessed(
  ids: readonly string[],
  currentId: string | null,
  isAssessed: (id: string) => boolean,
): string | null {
  const start = currentId === null ? -1 : ids.indexOf(currentId);
  for (let step = 1; step <= ids.length; step++) {
    const id = ids[(start + step + ids.length) % ids.length]!;
    if (!isAssessed(id)) return id;
  }
  return null;
}

/**
 * Remembered window bounds (ATTEST_HOME/window-state.json). Pure: the saved value is untrusted
 * (hand-edited, or from a monitor that is no longer attached), so it is checked and clamped to
 * the displays present now before a window is created with it.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is written to window-state.json: the normal (unmaximised) bounds plus the flag. */
export interface SavedWindowState extends Rect {
  maximized: boolean;
}

export interface RestoredWindowState {
  /** No x/y means "let the OS centre it". */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 960, height: 620 };
export const WINDOW_STATE_FILE = 'window-state.json';

/** Below this share of the window on some display, the saved position is dropped. */
const MIN_VISIBLE_SHARE = 0.5;

export function restoreWindowState(
  saved: unknown,
  workAreas: readonly Rect[],
): RestoredWindowState {
  const primary = workAreas[0];
  const state = parseSaved(saved);
  if (!state) return { bounds: fitSize(DEFAULT_SIZE, primary), maximized: false };

  const area = bestArea(state, workAreas);
  if (!area) return { bounds: fitSize(state, primary), maximized: state.maximized };

  const size = fitSize(state, area);
  const x = clamp(state.x, area.x, area.x + area.width - size.width);
  const y = clamp(state.y, area.y, area.y + area.height - size.height);
  return { bounds: { x, y, ...size }, maximized: state.maximized };
}

export function captureWindowState(normalBounds: Rect, maximized: boolean): SavedWindowState {
  const { x, y, width, height } = normalBounds;
  return { x, y, width, height, maximized };
}

function parseSaved(value: unknown): SavedWindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const nums = [v.x, v.y, v.width, v.height];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [x, y, width, height] = nums.map((n) => Math.round(n as number)) as [
    number,
    number,
    number,
    number,
  ];
  if (width <= 0 || height <= 0) return null;
  return { x, y, width, height, maximized: v.maximized === true };
}

/** The display that shows most of the window, if it shows enough of it to be found again. */
function bestArea(window: Rect, areas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of areas) {
    const overlap = intersection(window, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  return bestOverlap >= MIN_VISIBLE_SHARE * window.width * window.height ? best : null;
}

function intersection(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** At least the minimum size, at most the display (a tiny display wins over the minimum). */
function fitSize(size: { width: number; height: number }, area: Rect | undefined) {
  const maxW = area?.width ?? Number.POSITIVE_INFINITY;
  const maxH = area?.height ?? Number.POSITIVE_INFINITY;
  return {
    width: Math.min(Math.max(size.width, MIN_SIZE.width), maxW),
    height: Math.min(Math.max(size.height, MIN_SIZE.height), maxH),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

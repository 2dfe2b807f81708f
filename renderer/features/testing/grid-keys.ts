import type { CellResult } from '../../../shared/api/self-tests';

/** What a key does in the attribute grid (the keyboard of Gap analysis' Assess mode). */
export type GridKeyAction =
  | { kind: 'move'; rows: number; cols: number }
  | { kind: 'set'; result: CellResult }
  | { kind: 'open' }
  | null;

const MOVES: Record<string, [number, number]> = {
  ArrowDown: [1, 0],
  j: [1, 0],
  ArrowUp: [-1, 0],
  k: [-1, 0],
  ArrowRight: [0, 1],
  l: [0, 1],
  ArrowLeft: [0, -1],
  h: [0, -1],
};

const RESULTS: Record<string, CellResult> = { p: 'pass', f: 'fail', n: 'na' };

export function gridKeyAction(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): GridKeyAction {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const move = MOVES[e.key];
  if (move) return { kind: 'move', rows: move[0], cols: move[1] };
  const result = RESULTS[e.key.toLowerCase()];
  if (result) return { kind: 'set', result };
  if (e.key === 'Enter') return { kind: 'open' };
  return null;
}

/** The cell a move lands on, kept inside the grid. */
export function moveWithin(
  at: { row: number; col: number },
  by: { rows: number; cols: number },
  size: { rows: number; cols: number },
): { row: number; col: number } {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  return { row: clamp(at.row + by.rows, size.rows), col: clamp(at.col + by.cols, size.cols) };
}

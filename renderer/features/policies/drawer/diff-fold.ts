import type { Output } from '../../../../shared/api/index';

export type Line = Output<'policies.diff'>['lines'][number];

/** Unchanged lines kept around each change; longer unchanged runs fold. */
export const CONTEXT = 2;

export type Shown = { line: Line } | { folded: number; key: string };

/** Folds the unchanged runs far from any change ("12 unchanged lines"). */
export function foldUnchanged(lines: readonly Line[], context = CONTEXT): Shown[] {
  const near = lines.map((_, i) =>
    lines.slice(Math.max(0, i - context), i + context + 1).some((l) => l.kind !== 'same'),
  );
  const out: Shown[] = [];
  let run = 0;
  lines.forEach((line, i) => {
    if (near[i]) {
      if (run) out.push({ folded: run, key: `fold-${i}` });
      run = 0;
      out.push({ line });
    } else run++;
  });
  if (run) out.push({ folded: run, key: 'fold-end' });
  return out;
}

type WordPart = Extract<Line, { kind: 'changed' }>['words'][number];

/**
 * A replaced word reads as a redline does: what was removed, then what replaced it (the word diff
 * may give them the other way round).
 */
export function removedFirst(words: readonly WordPart[]): WordPart[] {
  const out = [...words];
  for (let i = 0; i + 1 < out.length; i++)
    if (out[i]!.kind === 'added' && out[i + 1]!.kind === 'removed') {
      [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
      i++;
    }
  return out;
}

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

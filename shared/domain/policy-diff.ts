/**
 * A readable diff between two policy texts: lines kept, removed and added (longest common
 * subsequence), and inside a removed line paired with the added line that replaced it, the words
 * that changed — the way a reviewer reads a redline.
 */

export interface WordPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

export type DiffLine =
  | { kind: 'same'; text: string; oldLine: number; newLine: number }
  | { kind: 'removed'; text: string; oldLine: number }
  | { kind: 'added'; text: string; newLine: number }
  | { kind: 'changed'; oldLine: number; newLine: number; words: WordPart[] };

export interface PolicyDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  changed: number;
}

/** Above this many cells the LCS table would be too big: lines are then compared position by position. */
const MAX_CELLS = 4_000_000;

type Op<T> =
  | { kind: 'same'; a: T; i: number; j: number }
  | { kind: 'removed'; a: T; i: number }
  | { kind: 'added'; b: T; j: number };

function lcsOps<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): Op<T>[] {
  // Common head and tail first: most edits touch a few lines of a long text.
  let start = 0;
  while (start < a.length && start < b.length && eq(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && eq(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const ops: Op<T>[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: 'same', a: a[k]!, i: k, j: k });
  const n = endA - start;
  const m = endB - start;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let k = start; k < endA; k++) ops.push({ kind: 'removed', a: a[k]!, i: k });
    for (let k = start; k < endB; k++) ops.push({ kind: 'added', b: b[k]!, j: k });
  } else {
    const table = new Uint32Array((n + 1) * (m + 1));
    const at = (i: number, j: number) => i * (m + 1) + j;
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        table[at(i, j)] = eq(a[start + i]!, b[start + j]!)
          ? table[at(i + 1, j + 1)]! + 1
          : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && eq(a[start + i]!, b[start + j]!)) {
        ops.push({ kind: 'same', a: a[start + i]!, i: start + i, j: start + j });
        i++;
        j++;
      } else if (j < m && (i === n || table[at(i, j + 1)]! >= table[at(i + 1, j)]!)) {
        ops.push({ kind: 'added', b: b[start + j]!, j: start + j });
        j++;
      } else {
        ops.push({ kind: 'removed', a: a[start + i]!, i: start + i });
        i++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++)
    ops.push({ kind: 'same', a: a[endA + k]!, i: endA + k, j: endB + k });
  return ops;
}

/** Words and the spaces between them, so joining the parts gives the line back exactly. */
function tokens(line: string): string[] {
  return line.match(/\s+|[^\s]+/g) ?? [];
}

export function diffWords(oldLine: string, newLine: string): WordPart[] {
  const parts: WordPart[] = [];
  const push = (kind: WordPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  for (const op of lcsOps(tokens(oldLine), tokens(newLine), (x, y) => x === y)) {
    if (op.kind === 'same') push('same', op.a);
    else if (op.kind === 'removed') push('removed', op.a);
    else push('added', op.b);
  }
  return parts;
}

/** Whether a removed and an added line are similar enough to show as one changed line. */
function similar(a: string, b: string): boolean {
  const words = diffWords(a, b);
  const same = words
    .filter((w) => w.kind === 'same' && w.text.trim())
    .reduce((n, w) => n + w.text.length, 0);
  return same * 2 >= Math.max(a.trim().length, b.trim().length) * 0.6;
}

export function diffPolicyText(oldText: string, newText: string): PolicyDiff {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const ops = lcsOps(a, b, (x, y) => x === y);
  const lines: DiffLine[] = [];
  // Pair each run of removed lines with the run of added lines that follows it.
  for (let k = 0; k < ops.length;) {
    const op = ops[k]!;
    if (op.kind === 'same') {
      lines.push({ kind: 'same', text: op.a, oldLine: op.i + 1, newLine: op.j + 1 });
      k++;
      continue;
    }
    const removed: { text: string; line: number }[] = [];
    const added: { text: string; line: number }[] = [];
    while (k < ops.length && ops[k]!.kind !== 'same') {
      const o = ops[k]!;
      if (o.kind === 'removed') removed.push({ text: o.a, line: o.i + 1 });
      else if (o.kind === 'added') added.push({ text: o.b, line: o.j + 1 });
      k++;
    }
    const pairs = Math.min(removed.length, added.length);
    for (let p = 0; p < pairs; p++) {
      const r = removed[p]!;
      const d = added[p]!;
      if (similar(r.text, d.text))
        lines.push({
          kind: 'changed',
          oldLine: r.line,
          newLine: d.line,
          words: diffWords(r.text, d.text),
        });
      else {
        lines.push({ kind: 'removed', text: r.text, oldLine: r.line });
        lines.push({ kind: 'added', text: d.text, newLine: d.line });
      }
    }
    for (const r of removed.slice(pairs))
      lines.push({ kind: 'removed', text: r.text, oldLine: r.line });
    for (const d of added.slice(pairs))
      lines.push({ kind: 'added', text: d.text, newLine: d.line });
  }
  return {
    lines,
    added: lines.filter((l) => l.kind === 'added').length,
    removed: lines.filter((l) => l.kind === 'removed').length,
    changed: lines.filter((l) => l.kind === 'changed').length,
  };
}

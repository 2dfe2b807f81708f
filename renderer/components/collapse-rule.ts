/** Up to this many suggestions are few enough to show open beside the main content. */
export const FEW = 5;

/**
 * Whether a list of suggestions (proposed tasks, suggested risks) starts open. The page's main
 * content comes first; suggestions beneath it stay out of the way — collapsed when there are
 * many, or once the main content has begun (some were dealt with) — except when they are all
 * the page has, where hiding them would leave the user looking at nothing.
 */
export function suggestionsStartOpen(count: number, mainIsEmpty: boolean): boolean {
  if (count === 0) return false;
  return mainIsEmpty || count <= FEW;
}

/**
 * Which part of an address names the step on screen: the page (its path) and, on Scope, the
 * wizard and its question (`edit`, `step`). A change there opens a new step, which starts at its
 * top. Everything else in the query (a view toggle, a tab, the record a drawer shows) changes
 * what is inside the step, where the user keeps their place.
 */
const STEP_PARAMS = ['edit', 'step'] as const;

export function stepAddress(pathname: string, search: string): string {
  const query = new URLSearchParams(search);
  const kept = STEP_PARAMS.map((p) => `${p}=${query.get(p) ?? ''}`).join('&');
  return `${pathname}?${kept}`;
}

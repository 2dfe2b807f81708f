import type { Output } from '../../../shared/api/index';
import type { Category } from '../../../shared/domain/engagement';
import { CATEGORY_LABELS } from '../../../shared/domain/engagement';
import { plural } from '../../components/format';

export type ScopeChange = Output<'scope.confirm'>;

function refs(list: readonly string[], max = 6): string {
  const shown = list.slice(0, max).join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

/** What confirming changed, in a sentence or two for the notification. */
export function describeScopeChange(change: ScopeChange): string {
  const parts: string[] = [];
  if (change.added.length > 0)
    parts.push(
      change.added.length > 12
        ? `added ${plural(change.added.length, 'library control')}`
        : `added ${refs(change.added)}`,
    );
  if (change.archived.length > 0)
    parts.push(`archived ${refs(change.archived)} with their work (restorable)`);
  if (change.restored.length > 0) parts.push(`restored ${refs(change.restored)}`);
  const head = `${plural(change.criteriaInScope, 'criterion', 'criteria')} and ${plural(change.controlsInScope, 'control')} in scope.`;
  if (parts.length === 0) return `${head} No controls were added or archived.`;
  const body = parts.join('; ');
  return `${head} ${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
}

/**
 * Categories chosen since the last confirm (their criteria are not in the vault yet) and those
 * dropped (their criteria are still in scope until the next confirm).
 */
export function pendingCategories(
  chosen: readonly Category[],
  criteriaCategories: readonly Category[],
): { added: Category[]; removed: Category[] } {
  const have = new Set(criteriaCategories);
  const want = new Set(chosen);
  return {
    added: chosen.filter((c) => !have.has(c)),
    removed: [...have].filter((c) => !want.has(c)),
  };
}

export function categoryList(categories: readonly Category[]): string {
  const names = categories.map((c) => CATEGORY_LABELS[c]);
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

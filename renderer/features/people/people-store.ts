import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Input } from '../../../shared/api/index';
import type { PeopleSortKey, Person } from '../../../shared/api/people';
import type { ApiClient } from '../../api';
import { allPages } from '../../api/all-pages';
import { useApiRead } from '../../api/queries';
import type { SortState } from '../../components/table/sort';
import { useOpenId } from '../vault/store';
import { useVaultPages } from '../vault/use-vault-pages';

/** The people directory as screens see it (read through the query cache). */
export interface PeopleView {
  /** Every person, archived ones too (a record may still point at them), in name order. */
  items: Person[];
  currentPersonId: string | null;
  loaded: boolean;
}

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name);

async function readPeople(client: ApiClient): Promise<PeopleView> {
  const all = await allPages((cursor) =>
    client.call('people.list', { includeArchived: true, limit: 1000, cursor }),
  );
  return {
    items: [...all!.items].sort(byName),
    currentPersonId: all!.first.currentPersonId,
    loaded: true,
  };
}

const NOT_LOADED: PeopleView = { items: [], currentPersonId: null, loaded: false };

/**
 * Everyone in the open vault, from the query cache (re-read when people change). With a
 * selector, only that part — the shape screens used when this was a store.
 */
export function usePeople(): PeopleView;
export function usePeople<T>(select: (view: PeopleView) => T): T;
export function usePeople<T>(select?: (view: PeopleView) => T): T | PeopleView {
  const openId = useOpenId();
  const query = useApiRead(openId, 'people.list', 'all', readPeople, { enabled: openId !== null });
  const view = query.data ?? NOT_LOADED;
  return select ? select(view) : view;
}

/** One page of the People table: a directory of hundreds fills a few. */
export const PEOPLE_PAGE_SIZE = 200;

/**
 * The People table's search, archived switch and order as `people.list` takes them: a blank
 * search is left out so it shares its answer with the unfiltered one.
 */
export function peopleListInput(
  search: string,
  showArchived: boolean,
  sort: SortState<PeopleSortKey>,
): Input<'people.list'> {
  const needle = search.trim();
  return {
    includeArchived: showArchived,
    sort,
    limit: PEOPLE_PAGE_SIZE,
    ...(needle ? { search: needle } : {}),
  };
}

/**
 * The People table's rows, a page at a time: the server searches, sorts and pages, and a change
 * to people re-reads the pages shown. Pickers keep reading the whole directory (`usePeople`).
 */
export function usePeoplePages(
  search: string,
  showArchived: boolean,
  sort: SortState<PeopleSortKey>,
) {
  return useVaultPages('people.list', peopleListInput(search, showArchived, sort));
}

/**
 * Puts a person just saved into the cached directory at once, so a drawer opened on a new
 * person finds them before the re-read that the change triggers arrives.
 */
export function usePutPerson(): (person: Person) => void {
  const queries = useQueryClient();
  const openId = useOpenId();
  return useCallback(
    (person: Person) =>
      queries.setQueryData<PeopleView>(['api', openId, 'people.list', { variant: 'all' }], (v) =>
        v
          ? { ...v, items: [...v.items.filter((p) => p.id !== person.id), person].sort(byName) }
          : v,
      ),
    [queries, openId],
  );
}

/** `per_…` → "Maya Okafor" (archived people keep their name); null when unset or unknown. */
export function personName(people: readonly Person[], id: string | null): string | null {
  if (!id) return null;
  return people.find((p) => p.id === id)?.name ?? null;
}

/** "MO" for Maya Okafor: for a small avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts.at(-1)!] : parts;
  return letters.map((p) => p.charAt(0).toUpperCase()).join('') || '?';
}

/**
 * Someone else already in the list under the same name (ignoring case and spacing): two people
 * may share a name, so the form only warns — the same email is what the vault refuses.
 */
export function namesakeOf(
  people: readonly Person[],
  name: string,
  exceptId?: string,
): Person | null {
  const key = name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  if (!key) return null;
  return (
    people.find(
      (p) => p.id !== exceptId && p.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase() === key,
    ) ?? null
  );
}

import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { apiQueryKey, onVaultChanged, readsOf } from './queries';

/** A cache holding one answer per key, as screens would have left it. */
function cacheWith(...keys: ReturnType<typeof apiQueryKey>[]) {
  const queries = new QueryClient();
  for (const key of keys) queries.setQueryData(key, { cached: true });
  return queries;
}
const stale = (queries: QueryClient, key: readonly unknown[]) =>
  queries.getQueryState(key)?.isInvalidated ?? null;

describe('keeping cached answers true to the vault', () => {
  const people = apiQueryKey('open-1', 'people.list', {});
  const tasks = apiQueryKey('open-1', 'tasks.list', {});
  const recent = apiQueryKey('open-1', 'vault.recent', {});

  it('a change re-reads only the answers that read what it touched', () => {
    const queries = cacheWith(people, tasks);
    onVaultChanged(queries, {
      openId: 'open-1',
      path: '/v',
      reason: 'updated',
      domains: ['people'],
    });
    expect(stale(queries, people)).toBe(true);
    expect(stale(queries, tasks)).toBe(false);
  });

  it('a change to another opening of a vault leaves this one alone', () => {
    const queries = cacheWith(people);
    onVaultChanged(queries, {
      openId: 'open-0',
      path: '/v',
      reason: 'updated',
      domains: ['people'],
    });
    expect(stale(queries, people)).toBe(false);
  });

  it('opening another vault drops every answer read from the previous one', () => {
    const queries = cacheWith(people, tasks, apiQueryKey(null, 'vault.recent', {}));
    onVaultChanged(queries, { openId: 'open-2', path: '/w', reason: 'opened', domains: ['vault'] });
    expect(queries.getQueryData(people)).toBeUndefined();
    expect(queries.getQueryData(tasks)).toBeUndefined();
    // What needs no vault (the recent list) is kept, and re-read when the recent list changed.
    expect(queries.getQueryData(apiQueryKey(null, 'vault.recent', {}))).toEqual({ cached: true });
  });

  it('changes outside the vault (recent, backups) reach every opening', () => {
    const queries = cacheWith(recent);
    onVaultChanged(queries, { openId: null, path: null, reason: 'updated', domains: ['recent'] });
    expect(stale(queries, recent)).toBe(true);
  });

  it('every cached read says what it depends on', () => {
    expect(readsOf('people.list')).toContain('people');
    expect(readsOf('assessments.list')).toEqual(expect.arrayContaining(['assessments', 'risks']));
  });
});

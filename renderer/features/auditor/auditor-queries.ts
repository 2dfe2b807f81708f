import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Input } from '../../../shared/api/index';
import type { OpenPackageInfo } from '../../../shared/api/methods/auditor';
import { useApi } from '../../api/provider';
import { useApiQuery } from '../../api/queries';

/**
 * The audit package open in auditor mode (server state: it survives a reload of the page, and
 * `attest serve --package` opens one before any window asks). No vault is open meanwhile, so
 * every auditor read is keyed by no opening.
 */
export function useAuditorPackage() {
  return useApiQuery(null, 'auditor.package', {});
}

/** The package when one is open (the auditor screens are only shown then). */
export function useOpenAuditPackage(): OpenPackageInfo | null {
  return useAuditorPackage().data ?? null;
}

/**
 * What the package holds. It cannot change while it is open (a changed zip is refused, never
 * re-read), so it is read once; opening or closing a package drops it (`forgetPackageReads`).
 */
export function useAuditContents() {
  return useApiQuery(null, 'auditor.contents', {}, { staleTime: Infinity });
}

/** What was read of the previous package (its contents, population rows, draft) goes with it. */
export function forgetPackageReads(queries: QueryClient): void {
  queries.removeQueries({
    predicate: (q) =>
      q.queryKey[0] === 'api' &&
      typeof q.queryKey[2] === 'string' &&
      q.queryKey[2].startsWith('auditor.') &&
      q.queryKey[2] !== 'auditor.package' &&
      q.queryKey[2] !== 'auditor.identity',
  });
}

export function useAuditDraft() {
  return useApiQuery(null, 'auditor.draft', {});
}

export function useAuditorIdentity() {
  return useApiQuery(null, 'auditor.identity', {});
}

/** Re-reads the draft and identity (their changes are also announced as the `auditor` domain). */
export function refreshDraft(queries: QueryClient): Promise<void> {
  return queries.invalidateQueries({
    predicate: (q) =>
      q.queryKey[0] === 'api' &&
      (q.queryKey[2] === 'auditor.draft' || q.queryKey[2] === 'auditor.identity'),
  });
}

/**
 * Adds an item to the draft response (a comment, a new request, a status, a sample pick) and
 * re-reads the draft; throws, so a form can keep what was typed and say what went wrong.
 */
export function useAddDraftItem() {
  const client = useApi();
  const queries = useQueryClient();
  return useCallback(
    async (item: Input<'auditor.addItem'>) => {
      const { item: added } = await client.call('auditor.addItem', item);
      await refreshDraft(queries);
      return added;
    },
    [client, queries],
  );
}

import type { Input, Output } from '../../../shared/api/index';
import type { EvidenceFilter, EvidenceSort } from '../../../shared/api/evidence';
import { useVaultQuery } from '../vault/use-vault-query';
import { useVaultPages } from '../vault/use-vault-pages';

/** One page of the table: enough to fill the screen twice, small enough to paint at once. */
export const EVIDENCE_PAGE_SIZE = 200;

type ListInput = Input<'evidence.list'>;
export type EvidencePage = Output<'evidence.list'>;

/** The filters the table sends (the server filters, sorts and pages in SQL). */
export type EvidenceFilters = Omit<Partial<EvidenceFilter>, 'includeSuperseded'> & {
  includeSuperseded?: boolean;
};

/**
 * The evidence table's rows for these filters and this order, a page at a time; keyed like every
 * API read, so a change to evidence, controls or people re-reads the pages shown.
 */
export function useEvidencePages(filters: EvidenceFilters, sort: EvidenceSort) {
  const input = {
    ...filters,
    includeSuperseded: filters.includeSuperseded ?? false,
    sort,
    limit: EVIDENCE_PAGE_SIZE,
  } as ListInput;
  return useVaultPages('evidence.list', input);
}

/** One item with its population and what it superseded (re-read when evidence changes). */
export function useEvidenceDetail(id: string | null) {
  return useVaultQuery('evidence.get', { id: id ?? '' }, { enabled: id !== null && id !== '' });
}

/** The evidence linked to one control or one request (the drawers' sections): the first page. */
export function useLinkedEvidence(link: { controlId: string } | { requestId: string }) {
  return useVaultQuery('evidence.list', {
    ...link,
    includeSuperseded: false,
    sort: { key: 'performedOn', dir: 'asc' },
    limit: 500,
  } as ListInput);
}

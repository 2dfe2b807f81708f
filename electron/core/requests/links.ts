/** A request's links to criteria and controls: rows, read for many requests at once. */
import { linksOf, replaceLinks } from '../../db/repos/links';
import type { Vault } from '../vault/session';
import type { RequestLinks } from './plan';

/** Every request's links, read once; a lookup by request id. */
export function requestLinksOf(vault: Vault, ids?: readonly string[]) {
  const criteria = linksOf(vault.db, 'request_criterion', ids);
  const controls = linksOf(vault.db, 'request_control', ids);
  return (id: string): RequestLinks => ({
    criteria: criteria.get(id) ?? [],
    controlIds: controls.get(id) ?? [],
  });
}

/** Sets the links given (either or both), inside the caller's transaction, each audited. */
export function setRequestLinks(
  vault: Vault,
  requestId: string,
  links: Partial<RequestLinks>,
  payload: unknown = {},
): void {
  // Every catalog criterion has a row (in scope or not), so an out-of-scope one links too.
  if (links.criteria) replaceLinks(vault, 'request_criterion', requestId, links.criteria, payload);
  if (links.controlIds)
    replaceLinks(vault, 'request_control', requestId, links.controlIds, payload);
}

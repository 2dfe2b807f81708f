/**
 * The addresses of auditor mode (after `#`): its own, apart from the vault workbench's pages, so
 * a reload while a package is open comes back to the view it showed — and to the record open in
 * its side panel (`?request=`, `?criterion=`, `?control=`, `?evidence=`).
 */
export const AUDIT_PATHS = {
  overview: '/audit',
  requests: '/audit/requests',
  criteria: '/audit/criteria',
  controls: '/audit/controls',
  populations: '/audit/populations',
  response: '/audit/response',
} as const;

export type AuditViewId = keyof typeof AUDIT_PATHS;

/** What a side panel of auditor mode can show, by the query parameter that names it. */
export const AUDIT_RECORDS = ['request', 'criterion', 'control', 'evidence'] as const;
export type AuditRecord = (typeof AUDIT_RECORDS)[number];

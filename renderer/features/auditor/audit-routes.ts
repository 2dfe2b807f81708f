/**
 * The addresses of auditor mode (after `#`): its own, apart from the vault workbench's pages, so
 * a reload while a package is open comes back to the view it showed.
 */
export const AUDIT_PATHS = {
  overview: '/audit',
} as const;

export type AuditViewId = keyof typeof AUDIT_PATHS;

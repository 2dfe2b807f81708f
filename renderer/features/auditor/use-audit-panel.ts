import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { AUDIT_RECORDS, type AuditRecord } from './audit-routes';

/**
 * Which record the side panel shows, kept in the address so a reload keeps it. An evidence item
 * opened from a request (or criterion, control) sits on top of it: closing the evidence goes
 * back to the record it was opened from.
 */
export function useAuditPanel() {
  const [params, setParams] = useSearchParams();
  const evidence = params.get('evidence');
  const base = AUDIT_RECORDS.filter((r) => r !== 'evidence')
    .map((kind) => ({ kind, id: params.get(kind) }))
    .find((r) => r.id !== null);
  const shown: { kind: AuditRecord; id: string } | null =
    evidence !== null
      ? { kind: 'evidence', id: evidence }
      : base?.id
        ? { kind: base.kind, id: base.id }
        : null;

  const open = useCallback(
    (kind: AuditRecord, id: string) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (kind !== 'evidence') for (const r of AUDIT_RECORDS) next.delete(r);
        next.set(kind, id);
        return next;
      }),
    [setParams],
  );
  const close = useCallback(
    () =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (next.has('evidence')) next.delete('evidence');
        else for (const r of AUDIT_RECORDS) next.delete(r);
        return next;
      }),
    [setParams],
  );
  return { shown, open, close };
}

import { type VaultDb, all, first, run, runExpect } from '../connection';
import type {
  AuditorResponseTable,
  EvidenceTable,
  PackageExportTable,
  RequestTable,
} from '../schema';

/** Notes a package this vault exported (a fact about a file outside the vault; not audited). */
export function recordPackageExport(db: VaultDb, row: PackageExportTable): void {
  run(
    db,
    db.qb
      .insertInto('package_export')
      .values(row)
      .onConflict((oc) => oc.column('manifest_sha256').doNothing()),
  );
}

export function findPackageExport(
  db: VaultDb,
  manifestSha256: string,
): PackageExportTable | undefined {
  return first(
    db,
    db.qb.selectFrom('package_export').selectAll().where('manifest_sha256', '=', manifestSha256),
  );
}

export function insertAuditorResponse(db: VaultDb, row: AuditorResponseTable): void {
  runExpect(db, db.qb.insertInto('auditor_response').values(row));
}

/** Every import of a response to this package, oldest first. */
export function responsesForPackage(db: VaultDb, manifestSha256: string): AuditorResponseTable[] {
  return all(
    db,
    db.qb
      .selectFrom('auditor_response')
      .selectAll()
      .where('manifest_sha256', '=', manifestSha256)
      .orderBy('imported_at')
      .orderBy('id'),
  );
}

/** Every import of any response, oldest first (item ids are unique across responses). */
export function allAuditorResponses(db: VaultDb): AuditorResponseTable[] {
  return all(db, db.qb.selectFrom('auditor_response').selectAll().orderBy('imported_at'));
}

/** An evidence item by the id the package shows (its reference, EV-0001). */
export function evidenceByRef(db: VaultDb, ref: string): EvidenceTable | undefined {
  return first(db, db.qb.selectFrom('evidence').selectAll().where('ref', '=', ref));
}

/** The requests an evidence item is linked to, in the auditor's order. */
export function requestsOfEvidence(db: VaultDb, evidenceId: string): RequestTable[] {
  return all(
    db,
    db.qb
      .selectFrom('evidence_request as er')
      .innerJoin('request as r', 'r.id', 'er.request_id')
      .selectAll('r')
      .where('er.evidence_id', '=', evidenceId)
      .orderBy('r.ref_sort'),
  );
}

/** The references in use that start with `prefix`, which holds no `%` or `_` (for numbering). */
export function requestRefsStartingWith(db: VaultDb, prefix: string): string[] {
  return all(db, db.qb.selectFrom('request').select('ref').where('ref', 'like', `${prefix}%`)).map(
    (r) => r.ref,
  );
}

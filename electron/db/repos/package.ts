import { type VaultDb, all, first } from '../connection';
import type {
  ControlTable,
  CriterionTable,
  CuecTable,
  EvidenceTable,
  PolicyTable,
  PolicyVersionTable,
  PopulationTable,
  RequestTable,
  SubserviceOrgTable,
} from '../schema';

/**
 * What the audit package reads from the vault, each list in the order the package shows it
 * (criteria in catalog order, controls and evidence by reference, requests in the auditor's
 * order). Reads only.
 */

/** The time of the vault's latest audit entry: what every generated file is stamped with. */
export function latestAuditTime(db: VaultDb): string {
  const row = first(
    db,
    db.qb.selectFrom('audit_event').select('at').orderBy('seq', 'desc').limit(1),
  );
  if (!row) throw new Error('A vault always has audit entries (its creation is one)');
  return row.at;
}

export function criteriaInScope(db: VaultDb): CriterionTable[] {
  return all(
    db,
    db.qb.selectFrom('criterion').selectAll().where('in_scope', '=', 1).orderBy('sort_key'),
  );
}

export function activeControls(db: VaultDb): ControlTable[] {
  return all(
    db,
    db.qb.selectFrom('control').selectAll().where('archived_at', 'is', null).orderBy('ref'),
  );
}

export function activeRequests(db: VaultDb): RequestTable[] {
  return all(
    db,
    db.qb.selectFrom('request').selectAll().where('archived_at', 'is', null).orderBy('ref_sort'),
  );
}

/** Every evidence item not superseded by a newer one, by reference number. */
export function currentEvidence(db: VaultDb): EvidenceTable[] {
  return all(
    db,
    db.qb.selectFrom('evidence').selectAll().where('superseded_by_id', 'is', null).orderBy('seq'),
  );
}

/** Items replaced by a newer one: `[newer id, older ref]`. */
export function supersededPairs(db: VaultDb): { newer: string; older: string }[] {
  return all(
    db,
    db.qb
      .selectFrom('evidence')
      .select(['superseded_by_id as newer', 'ref as older'])
      .where('superseded_by_id', 'is not', null)
      .orderBy('seq'),
  ) as { newer: string; older: string }[];
}

export function populations(db: VaultDb): PopulationTable[] {
  return all(db, db.qb.selectFrom('population').selectAll());
}

/**
 * Policies in the order they were created (archived ones too), so a policy's number in the
 * package (POL-08) does not move when another is added.
 */
export function policiesByCreation(db: VaultDb): PolicyTable[] {
  return all(db, db.qb.selectFrom('policy').selectAll().orderBy('created_at').orderBy('id'));
}

export function policyVersions(db: VaultDb): PolicyVersionTable[] {
  return all(
    db,
    db.qb.selectFrom('policy_version').selectAll().orderBy('policy_id').orderBy('number'),
  );
}

/**
 * Active subservice organisations, each with its stable id in the package: `SUB-01`, `SUB-02`…
 * by creation order over every organisation ever added, so archiving one renumbers none and two
 * vendors whose names fold to the same file name ("Acme, Inc." and "Acme Inc") stay apart. The
 * archived rows are read only to be counted: a vault has a handful of vendors.
 */
export function activeSubservices(db: VaultDb): (SubserviceOrgTable & { ref: string })[] {
  const rows = all(
    db,
    db.qb.selectFrom('subservice_org').selectAll().orderBy('created_at').orderBy('id'),
  );
  return rows.flatMap((r, i) =>
    r.archived_at === null ? [{ ...r, ref: `SUB-${String(i + 1).padStart(2, '0')}` }] : [],
  );
}

export function activeCuecs(db: VaultDb): CuecTable[] {
  return all(
    db,
    db.qb
      .selectFrom('cuec')
      .selectAll()
      .where('archived_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id'),
  );
}

/** Vendor CUECs our controls answer: control id → "Vendor: CUEC text". */
export function vendorCuecsByControl(db: VaultDb): Map<string, string[]> {
  const rows = all(
    db,
    db.qb
      .selectFrom('vendor_cuec_control as l')
      .innerJoin('subservice_vendor_cuec as c', 'c.id', 'l.vendor_cuec_id')
      .innerJoin('subservice_org as o', 'o.id', 'c.subservice_id')
      .select(['l.control_id', 'o.name', 'c.description'])
      .where('o.archived_at', 'is', null)
      .orderBy('o.name')
      .orderBy('c.position'),
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.control_id) ?? [];
    list.push(`${r.name}: ${r.description}`);
    out.set(r.control_id, list);
  }
  return out;
}

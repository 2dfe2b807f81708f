/**
 * A subservice organisation's linked parts, kept as rows: the criteria it supports, its CSOCs
 * (numbered rows, each linked to criteria) and the vendor's CUECs (numbered rows, each linked
 * to the controls of ours that answer it). Read for many organisations at once; saved by
 * position, so editing one CSOC's text changes that row only.
 */
import type { Cuec, Subservice } from '../../../shared/api/sd';
import { recordChange } from '../../db/audit';
import { type LinkName, linksOf, replaceLinks } from '../../db/repos/links';
import {
  type PartTable,
  deletePartRow,
  insertPartRow,
  listPartRows,
  updatePartDescription,
} from '../../db/repos/subservices';
import type { CuecTable, SubserviceOrgTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { toCuec, toSubservice } from './mapping';

export interface SubserviceParts {
  criteria: string[];
  csocs: Subservice['csocs'];
  vendorCuecs: Subservice['vendorCuecs'];
}

const PART_LINK: Record<PartTable, LinkName> = {
  subservice_csoc: 'csoc_criterion',
  subservice_vendor_cuec: 'vendor_cuec_control',
};

function partsOf(vault: Vault, table: PartTable, orgIds: readonly string[]) {
  const rows = listPartRows(vault.db, table, orgIds);
  const links = linksOf(
    vault.db,
    PART_LINK[table],
    rows.map((r) => r.id),
  );
  const byOrg = new Map<string, { description: string; linked: string[] }[]>();
  for (const r of rows) {
    const list = byOrg.get(r.subservice_id) ?? [];
    list.push({ description: r.description, linked: links.get(r.id) ?? [] });
    byOrg.set(r.subservice_id, list);
  }
  return byOrg;
}

export function toSubservices(vault: Vault, rows: SubserviceOrgTable[]): Subservice[] {
  const ids = rows.map((r) => r.id);
  const criteria = linksOf(vault.db, 'subservice_criterion', ids);
  const csocs = partsOf(vault, 'subservice_csoc', ids);
  const cuecs = partsOf(vault, 'subservice_vendor_cuec', ids);
  return rows.map((r) =>
    toSubservice(r, {
      criteria: criteria.get(r.id) ?? [],
      csocs: (csocs.get(r.id) ?? []).map((p) => ({
        description: p.description,
        criteria: p.linked,
      })),
      vendorCuecs: (cuecs.get(r.id) ?? []).map((p) => ({
        description: p.description,
        controlIds: p.linked,
      })),
    }),
  );
}

export function toCuecs(vault: Vault, rows: CuecTable[]): Cuec[] {
  const criteria = linksOf(
    vault.db,
    'cuec_criterion',
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCuec(r, criteria.get(r.id) ?? []));
}

/** Makes the organisation's criteria, CSOCs and vendor CUECs exactly `parts`, each change audited. */
export function saveSubserviceParts(vault: Vault, orgId: string, parts: SubserviceParts): void {
  replaceLinks(vault, 'subservice_criterion', orgId, parts.criteria);
  saveParts(
    vault,
    'subservice_csoc',
    orgId,
    parts.csocs.map((c) => ({ description: c.description, linked: c.criteria })),
  );
  saveParts(
    vault,
    'subservice_vendor_cuec',
    orgId,
    parts.vendorCuecs.map((c) => ({ description: c.description, linked: c.controlIds })),
  );
}

const ID_PREFIX: Record<PartTable, string> = {
  subservice_csoc: 'csc',
  subservice_vendor_cuec: 'vcu',
};

function saveParts(
  vault: Vault,
  table: PartTable,
  orgId: string,
  wanted: { description: string; linked: string[] }[],
): void {
  const existing = listPartRows(vault.db, table, [orgId]);
  wanted.forEach((part, position) => {
    const row = existing.find((r) => r.position === position);
    let id: string;
    if (row) {
      id = row.id;
      if (row.description !== part.description) {
        updatePartDescription(vault.db, table, id, part.description);
        recordChange(vault, { action: 'update', entity: table, entityId: id });
      }
    } else {
      id = vault.ids.next(ID_PREFIX[table]);
      insertPartRow(vault.db, table, {
        id,
        subservice_id: orgId,
        position,
        description: part.description,
      });
      recordChange(vault, { action: 'create', entity: table, entityId: id });
    }
    replaceLinks(vault, PART_LINK[table], id, part.linked);
  });
  for (const row of existing) {
    if (row.position < wanted.length) continue;
    replaceLinks(vault, PART_LINK[table], row.id, []);
    deletePartRow(vault.db, table, row.id);
    recordChange(vault, { action: 'delete', entity: table, entityId: row.id });
  }
}

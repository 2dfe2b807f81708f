import type { z } from 'zod';
import { AttestError } from '../../../shared/api/errors';
import { type Risk, type StarterRisk, newRiskInput, riskPatch } from '../../../shared/api/risks';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { getControlByRef } from '../../db/repos/controls';
import { ENGAGEMENT_ID, updateEngagement } from '../../db/repos/engagement';
import { getRiskRow, insertRisk, listRiskRows, updateRiskRow } from '../../db/repos/gaps';
import { linksOf, replaceLinks } from '../../db/repos/links';
import type { RiskTable } from '../../db/schema';
import { currentPersonId } from '../people/people';
import { checkOwnerAndControls } from '../references';
import type { Vault } from '../vault/session';
import { starterRisks } from './starter';

export function toRisk(row: RiskTable, controlIds: string[]): Risk {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category as Risk['category'],
    likelihood: row.likelihood,
    impact: row.impact,
    inherentScore: row.likelihood * row.impact,
    treatment: row.treatment as Risk['treatment'],
    residualLikelihood: row.residual_likelihood,
    residualImpact: row.residual_impact,
    residualScore: row.residual_likelihood * row.residual_impact,
    ownerId: row.owner_id,
    controlIds,
    reviewOn: row.review_on,
    acceptedById: row.accepted_by_id,
    acceptedOn: row.accepted_on,
    starterKey: row.starter_key,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The register; archived risks (and discarded starter risks) only when asked for. */
export function listRisks(vault: Vault, includeArchived = false): Risk[] {
  return toRisks(vault, listRiskRows(vault.db, includeArchived));
}

/** Rows to risks, their controls read for all of them in one query. */
export function toRisks(vault: Vault, rows: RiskTable[]): Risk[] {
  const links = linksOf(
    vault.db,
    'risk_control',
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRisk(r, links.get(r.id) ?? []));
}

export function getRisk(vault: Vault, id: string): Risk {
  return toRisks(vault, [requireRisk(vault, id)])[0]!;
}

function requireRisk(vault: Vault, id: string): RiskTable {
  const row = getRiskRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No risk ${id} in this vault`);
  return row;
}

export function createRisk(
  vault: Vault,
  input: z.input<typeof newRiskInput>,
  starterKey: string | null = null,
): Risk {
  const v = newRiskInput.parse(input);
  return tx(vault.db, () => {
    checkOwnerAndControls(vault, v);
    const now = vault.now();
    refuseResidualAboveInherent(v, v, []);
    const row: RiskTable = {
      id: vault.ids.next('rsk'),
      title: v.title,
      description: v.description ?? '',
      category: v.category ?? 'security',
      likelihood: v.likelihood,
      impact: v.impact,
      treatment: v.treatment ?? 'mitigate',
      // Until treatment is assessed, residual equals inherent: never assume a reduction.
      residual_likelihood: v.residualLikelihood ?? v.likelihood,
      residual_impact: v.residualImpact ?? v.impact,
      owner_id: v.ownerId ?? null,
      review_on: v.reviewOn ?? null,
      ...acceptance(vault, v.treatment ?? 'mitigate', v, null),
      starter_key: starterKey,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    insertRisk(vault.db, row);
    recordChange(vault, {
      action: 'create',
      entity: 'risk',
      entityId: row.id,
      payload: { ...v, starterKey },
    });
    replaceLinks(vault, 'risk_control', row.id, v.controlIds ?? []);
    return getRisk(vault, row.id);
  });
}

export function updateRisk(vault: Vault, id: string, input: z.input<typeof riskPatch>): Risk {
  const p = riskPatch.parse(input);
  return tx(vault.db, () => {
    requireRisk(vault, id);
    checkOwnerAndControls(vault, p);
    const cols: Partial<RiskTable> = { updated_at: vault.now() };
    if (p.title !== undefined) cols.title = p.title;
    if (p.description !== undefined) cols.description = p.description;
    if (p.category !== undefined) cols.category = p.category;
    if (p.likelihood !== undefined) cols.likelihood = p.likelihood;
    if (p.impact !== undefined) cols.impact = p.impact;
    if (p.treatment !== undefined) cols.treatment = p.treatment;
    if (p.residualLikelihood !== undefined) cols.residual_likelihood = p.residualLikelihood;
    if (p.residualImpact !== undefined) cols.residual_impact = p.residualImpact;
    if (p.ownerId !== undefined) cols.owner_id = p.ownerId;
    if (p.reviewOn !== undefined) cols.review_on = p.reviewOn;
    const row = requireRisk(vault, id);
    Object.assign(cols, acceptance(vault, p.treatment ?? row.treatment, p, row));
    const lowered = keepResidualWithinInherent(row, p, cols);
    updateRiskRow(vault.db, id, cols);
    recordChange(vault, {
      action: 'update',
      entity: 'risk',
      entityId: id,
      payload: lowered.length > 0 ? { ...p, residualLoweredWithInherent: lowered } : p,
    });
    if (p.controlIds !== undefined) replaceLinks(vault, 'risk_control', id, p.controlIds);
    return getRisk(vault, id);
  });
}

export function archiveRisk(vault: Vault, id: string, archived: boolean): Risk {
  return tx(vault.db, () => {
    const row = requireRisk(vault, id);
    if ((row.archived_at !== null) === archived) return getRisk(vault, id);
    const now = vault.now();
    updateRiskRow(vault.db, id, { archived_at: archived ? now : null, updated_at: now });
    recordChange(vault, { action: archived ? 'archive' : 'restore', entity: 'risk', entityId: id });
    return getRisk(vault, id);
  });
}

/** Starter risks not yet accepted or discarded in this vault. */
export function pendingStarters(vault: Vault): StarterRisk[] {
  const decided = new Set(listRiskRows(vault.db, true).map((r) => r.starter_key));
  return starterRisks().filter((s) => !decided.has(s.key));
}

function requireStarter(vault: Vault, key: string): StarterRisk {
  const starter = pendingStarters(vault).find((s) => s.key === key);
  if (!starter)
    throw new AttestError('conflict', `Starter risk ${key} was already accepted or discarded`);
  return starter;
}

/** Accepts a starter risk, linking the vault's controls that carry the library references. */
export function acceptStarter(vault: Vault, key: string): Risk {
  return tx(vault.db, () => {
    const s = requireStarter(vault, key);
    const controlIds = s.controlRefs
      .map((ref) => getControlByRef(vault.db, ref))
      .filter((c) => c && c.archived_at === null)
      .map((c) => c!.id);
    return createRisk(
      vault,
      {
        title: s.title,
        description: s.description,
        category: s.category,
        likelihood: s.likelihood,
        impact: s.impact,
        controlIds,
      },
      s.key,
    );
  });
}

/** Discards a starter risk: kept as an archived record so it is not offered again. */
export function discardStarter(vault: Vault, key: string): void {
  tx(vault.db, () => {
    const risk = acceptStarter(vault, key);
    archiveRisk(vault, risk.id, true);
  });
}

export function setRiskAssessedOn(vault: Vault, date: string | null): string | null {
  return tx(vault.db, () => {
    updateEngagement(vault.db, { risk_assessed_on: date, updated_at: vault.now() });
    recordChange(vault, {
      action: 'update',
      entity: 'engagement',
      entityId: ENGAGEMENT_ID,
      payload: { riskAssessedOn: date },
    });
    return date;
  });
}

type Levels = {
  likelihood?: number | undefined;
  impact?: number | undefined;
  residualLikelihood?: number | undefined;
  residualImpact?: number | undefined;
};

const DIMENSIONS = [
  ['likelihood', 'residualLikelihood', 'residual_likelihood'],
  ['impact', 'residualImpact', 'residual_impact'],
] as const;

/**
 * Controls can only lower a risk: a residual likelihood or impact above the inherent one is
 * refused (U17), naming the field. `asked` holds what the caller set, `inherent` the values in force.
 */
function refuseResidualAboveInherent(asked: Levels, inherent: Levels, path: string[]): void {
  for (const [dimension, residual] of DIMENSIONS) {
    const value = asked[residual];
    const ceiling = inherent[dimension];
    if (value === undefined || ceiling === undefined || value <= ceiling) continue;
    const message = `The residual ${dimension} (${value}) cannot be higher than the inherent ${dimension} (${ceiling}): controls only lower a risk.`;
    throw new AttestError('validation', message, [
      { path: [...path, residual], message: `At most ${ceiling}, the inherent ${dimension}` },
    ]);
  }
}

/**
 * A patch that sets a residual above the inherent level is refused; one that lowers the inherent
 * level below the residual brings the residual down with it (it was "no reduction assumed", or
 * a reduction now larger than the risk itself). Returns the residual fields lowered that way.
 */
function keepResidualWithinInherent(
  row: RiskTable,
  p: Levels,
  cols: Partial<RiskTable>,
): ('residualLikelihood' | 'residualImpact')[] {
  const inherent = {
    likelihood: p.likelihood ?? row.likelihood,
    impact: p.impact ?? row.impact,
  };
  refuseResidualAboveInherent(p, inherent, ['patch']);
  const lowered: ('residualLikelihood' | 'residualImpact')[] = [];
  for (const [dimension, residual, column] of DIMENSIONS) {
    if (p[residual] !== undefined) continue;
    if (row[column] > inherent[dimension]) {
      cols[column] = inherent[dimension];
      lowered.push(residual);
    }
  }
  return lowered;
}

/**
 * Who accepted the risk and when (U17). A risk becoming "accept" records the person and date
 * given, or the current person and today; one staying "accept" keeps them unless changed; any
 * other treatment clears them.
 */
function acceptance(
  vault: Vault,
  treatment: string,
  asked: { acceptedById?: string | null | undefined; acceptedOn?: string | null | undefined },
  row: RiskTable | null,
): Pick<RiskTable, 'accepted_by_id' | 'accepted_on'> {
  if (treatment !== 'accept') return { accepted_by_id: null, accepted_on: null };
  const becomes = row?.treatment !== 'accept';
  return {
    accepted_by_id:
      asked.acceptedById !== undefined
        ? asked.acceptedById
        : becomes
          ? currentPersonId(vault)
          : row.accepted_by_id,
    accepted_on:
      asked.acceptedOn !== undefined
        ? asked.acceptedOn
        : becomes
          ? vault.now().slice(0, 10)
          : row.accepted_on,
  };
}

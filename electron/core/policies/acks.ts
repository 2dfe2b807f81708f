/**
 * Acknowledgements: who acknowledged which version of a policy, and when — recorded one by one or
 * imported from an HR or training export (CSV or XLSX with a name or email and a date, read by
 * the request list's reader and matched to People the way the request list matches owners) — and
 * who among the current people has not acknowledged the version in force within the deadline.
 */
import { AttestError } from '../../../shared/api/errors';
import type {
  AckImportPreview,
  AckImportResult,
  AckImportRow,
  AckMapping,
  Acknowledgement,
  MissingAcks,
} from '../../../shared/api/policies';
import { addDays } from '../../../shared/domain/policy-in-force';
import {
  decideDateOrder,
  parseDateText,
  spreadsheetDateText,
} from '../../../shared/domain/requests-dates';
import { cellText } from '../../../shared/domain/requests-sheet';
import { matchPerson } from '../../../shared/domain/requests-values';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { getPerson, listPeople } from '../../db/repos/people';
import {
  ackOf,
  acksOfPolicy,
  acksOfVersion,
  insertAck,
  versionRowsOf,
} from '../../db/repos/policies';
import type { PolicyAckTable } from '../../db/schema';
import { readSpreadsheet } from '../requests/read-file';
import type { Vault } from '../vault/session';
import { inForceVersion, periodsOf, toVersionSummary } from './mapping';
import { requirePolicy, today } from './policies';
import { requireVersion } from './versions';

function requireApproved(vault: Vault, versionId: string) {
  const v = requireVersion(vault, versionId);
  if (v.status !== 'approved') {
    const message = `Version ${v.number} is a draft; only an approved version can be acknowledged`;
    throw new AttestError('validation', message, [{ path: ['versionId'], message }]);
  }
  return v;
}

function record(
  vault: Vault,
  versionId: string,
  personId: string,
  date: string,
  source: 'manual' | 'import',
  sourceFile: string | null,
): PolicyAckTable {
  const row: PolicyAckTable = {
    id: vault.ids.next('ack'),
    version_id: versionId,
    person_id: personId,
    acknowledged_on: date,
    source,
    source_file: sourceFile,
    created_at: vault.now(),
  };
  insertAck(vault.db, row);
  recordChange(vault, {
    action: 'create',
    entity: 'policy_ack',
    entityId: row.id,
    payload: { source },
  });
  return row;
}

export function acknowledge(
  vault: Vault,
  input: { versionId: string; personId: string; acknowledgedOn: string },
): Acknowledgement {
  return tx(vault.db, () => {
    const v = requireApproved(vault, input.versionId);
    const person = getPerson(vault.db, input.personId);
    if (!person) {
      const message = `No person ${input.personId} in this vault`;
      throw new AttestError('validation', message, [{ path: ['personId'], message }]);
    }
    if (input.acknowledgedOn < v.approved_on!) {
      const message = `Version ${v.number} was approved on ${v.approved_on}; it cannot have been acknowledged before`;
      throw new AttestError('validation', message, [{ path: ['acknowledgedOn'], message }]);
    }
    if (ackOf(vault.db, v.id, person.id))
      throw new AttestError(
        'conflict',
        `${person.name} has already acknowledged version ${v.number}`,
      );
    record(vault, v.id, person.id, input.acknowledgedOn, 'manual', null);
    return listAcks(vault, v.policy_id).find(
      (a) => a.versionId === v.id && a.personId === person.id,
    )!;
  });
}

export function listAcks(vault: Vault, policyId: string): Acknowledgement[] {
  requirePolicy(vault, policyId);
  return acksOfPolicy(vault.db, policyId).map((r) => ({
    id: r.id,
    versionId: r.version_id,
    versionNumber: r.version_number,
    personId: r.person_id,
    personName: r.person_name,
    acknowledgedOn: r.acknowledged_on,
    source: r.source,
    sourceFile: r.source_file,
    createdAt: r.created_at,
  }));
}

/**
 * Everyone current (not archived) who has not acknowledged the version in force on `asOf` by
 * their due date: the later of the version's effective date and the day the person was added
 * to Attest (People keeps no start date yet; a new hire is added when they start), plus the
 * policy's days. Late acknowledgements are listed too: an auditor sampling them finds each one.
 */
export function missingAcks(vault: Vault, policyId: string, asOf?: string): MissingAcks {
  const policy = requirePolicy(vault, policyId);
  const day = asOf ?? today(vault);
  const versions = versionRowsOf(vault.db, [policyId]);
  const v = inForceVersion(versions, day);
  if (!v) return { version: null, asOf: day, people: [] };
  const acks = new Map(acksOfVersion(vault.db, v.id).map((a) => [a.person_id, a]));
  const people: MissingAcks['people'] = [];
  for (const p of listPeople(vault.db)) {
    const start =
      p.created_at.slice(0, 10) > v.effective_on! ? p.created_at.slice(0, 10) : v.effective_on!;
    const dueOn = addDays(start, policy.acknowledge_within_days);
    const ack = acks.get(p.id);
    const state = ack
      ? ack.acknowledged_on > dueOn
        ? 'late'
        : null
      : dueOn < day
        ? 'overdue'
        : 'due';
    if (state)
      people.push({
        personId: p.id,
        name: p.name,
        email: p.email,
        dueOn,
        acknowledgedOn: ack?.acknowledged_on ?? null,
        state,
      });
  }
  const order = { overdue: 0, late: 1, due: 2 } as const;
  people.sort(
    (a, b) =>
      order[a.state] - order[b.state] ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.name.localeCompare(b.name),
  );
  return { version: toVersionSummary(v, periodsOf(versions)), asOf: day, people };
}

const PERSON_HEADER = [/e-?mail/i, /^(employee|person|name|full name|learner|user)/i, /name/i];
const DATE_HEADER = [/acknowledg|accepted|signed|completed|completion/i, /date/i];

function guess(headers: string[], patterns: RegExp[]): string | null {
  for (const re of patterns) {
    const hit = headers.find((h) => re.test(h));
    if (hit) return hit;
  }
  return null;
}

interface ReadRows {
  headers: string[];
  mapping: AckMapping | null;
  rows: AckImportRow[];
}

async function readRows(
  vault: Vault,
  versionId: string,
  path: string,
  fileName: string,
  given: AckMapping | undefined,
  signal?: AbortSignal,
): Promise<ReadRows> {
  const v = requireApproved(vault, versionId);
  const file = await readSpreadsheet(path, fileName, { signal });
  const sheet = given?.sheet ? file.sheets.find((s) => s.name === given.sheet) : file.sheets[0];
  if (!sheet) {
    const message = given?.sheet
      ? `${fileName} has no sheet ${given.sheet}`
      : `${fileName} is empty`;
    throw new AttestError('validation', message, [{ path: ['mapping', 'sheet'], message }]);
  }
  const [head = [], ...body] = sheet.grid;
  const headers = head.map((c) => cellText(c).trim());
  const mapping: AckMapping | null =
    given ??
    (() => {
      const person = guess(headers, PERSON_HEADER);
      const date = guess(headers, DATE_HEADER);
      return person && date ? { person, date } : null;
    })();
  if (!mapping) return { headers, mapping: null, rows: [] };
  const col = (header: string, field: 'person' | 'date') => {
    const i = headers.indexOf(header);
    if (i < 0) {
      const message = `${fileName} has no column "${header}"`;
      throw new AttestError('validation', message, [{ path: ['mapping', field], message }]);
    }
    return i;
  };
  const pi = col(mapping.person, 'person');
  const di = col(mapping.date, 'date');
  const people = listPeople(vault.db, true).map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
  }));
  const dateTexts = body.map((r) => (r[di] instanceof Date ? '' : cellText(r[di] ?? null)));
  const order = decideDateOrder(dateTexts).order;
  const rows: AckImportRow[] = [];
  body.forEach((cells, i) => {
    const personText = cellText(cells[pi] ?? null).trim();
    const raw = cells[di] ?? null;
    const dateText = raw instanceof Date ? spreadsheetDateText(raw) : cellText(raw).trim();
    if (!personText && !dateText) return; // a blank line
    const match = personText
      ? matchPerson(personText, people)
      : { personId: null, reason: 'no name or email' };
    const date = dateText ? parseDateText(dateText, order).date : null;
    let problem: string | null = null;
    if (match.personId === null) problem = `Row ${i + 2}: ${match.reason}`;
    else if (!date) problem = `Row ${i + 2}: "${dateText}" is not a date`;
    else if (date < v.approved_on!)
      problem = `Row ${i + 2}: ${date} is before version ${v.number} was approved (${v.approved_on})`;
    rows.push({
      row: i + 2,
      person: personText,
      date: dateText,
      personId: match.personId,
      acknowledgedOn: date,
      problem,
    });
  });
  return { headers, mapping, rows };
}

export async function previewAckImport(
  vault: Vault,
  input: { versionId: string; path: string; fileName: string; mapping?: AckMapping | undefined },
): Promise<AckImportPreview> {
  const r = await readRows(vault, input.versionId, input.path, input.fileName, input.mapping);
  const refused = r.rows.filter((x) => x.problem !== null).length;
  return { ...r, importable: r.rows.length - refused, refused };
}

/**
 * Records every importable row in one transaction; a person already recorded for the version
 * keeps their earlier entry. Rows that cannot be matched are returned, not guessed.
 */
export async function importAcks(
  vault: Vault,
  input: { versionId: string; path: string; fileName: string; mapping: AckMapping },
  signal?: AbortSignal,
): Promise<AckImportResult> {
  const r = await readRows(
    vault,
    input.versionId,
    input.path,
    input.fileName,
    input.mapping,
    signal,
  );
  return tx(vault.db, () => {
    const v = requireApproved(vault, input.versionId);
    let imported = 0;
    let alreadyRecorded = 0;
    const seen = new Set<string>();
    for (const row of r.rows) {
      if (row.problem !== null) continue;
      if (seen.has(row.personId!) || ackOf(vault.db, v.id, row.personId!)) {
        alreadyRecorded++;
        continue;
      }
      seen.add(row.personId!);
      record(vault, v.id, row.personId!, row.acknowledgedOn!, 'import', input.fileName);
      imported++;
    }
    return { imported, alreadyRecorded, refused: r.rows.filter((x) => x.problem !== null) };
  });
}

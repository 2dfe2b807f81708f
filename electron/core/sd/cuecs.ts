import type { Cuec } from '../../../shared/api/sd';
import { tx } from '../../db/connection';
import type { Vault } from '../vault/session';
import { replaceLinks } from '../../db/repos/links';
import { toCuecs } from './subservice-parts';
import { saveRecord, setRecordArchived } from './records';
import { withdrawConfirmedNone } from './confirmed-none';
import { Issues, checkCriteria, scopeCriteria } from './references';

export interface CuecValues {
  id?: string;
  description: string;
  criteria: string[];
}

/** DC 6: adds a control we expect of our customers (no id) or changes one. */
export function saveCuec(vault: Vault, values: CuecValues): Cuec {
  const { id } = values;
  const fields = { description: values.description, criteria: values.criteria };
  return tx(vault.db, () => {
    const issues = new Issues();
    checkCriteria(scopeCriteria(vault), fields.criteria, ['criteria'], issues);
    issues.throwIfAny();
    const row = saveRecord(vault, 'cuec', id, { description: fields.description }, fields);
    replaceLinks(vault, 'cuec_criterion', row.id, fields.criteria);
    if (row.archived_at === null) withdrawConfirmedNone(vault, 'cuecs');
    return toCuecs(vault, [row])[0]!;
  });
}

export function archiveCuec(vault: Vault, id: string, archived: boolean): Cuec {
  return tx(vault.db, () => {
    const { row, changed } = setRecordArchived(vault, 'cuec', id, archived);
    if (changed && !archived) withdrawConfirmedNone(vault, 'cuecs');
    return toCuecs(vault, [row])[0]!;
  });
}

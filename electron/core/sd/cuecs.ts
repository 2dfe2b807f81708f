import type { Cuec } from '../../../shared/api/sd';
import { tx } from '../../db/connection';
import type { Vault } from '../vault/session';
import { toCuec } from './mapping';
import { saveRecord, setRecordArchived } from './records';
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
    const columns = { description: fields.description, criteria: JSON.stringify(fields.criteria) };
    return toCuec(saveRecord(vault, 'cuec', id, columns, fields));
  });
}

export function archiveCuec(vault: Vault, id: string, archived: boolean): Cuec {
  return tx(vault.db, () => toCuec(setRecordArchived(vault, 'cuec', id, archived).row));
}

import type { SdComponent } from '../../../shared/api/sd';
import type { ComponentKind } from '../../../shared/domain/system-description';
import { tx } from '../../db/connection';
import type { Vault } from '../vault/session';
import { toComponent } from './mapping';
import { saveRecord, setRecordArchived } from './records';

export interface ComponentValues {
  id?: string;
  kind: ComponentKind;
  name: string;
  description: string;
}

/** DC 3: adds a component (no id) or changes one. */
export function saveComponent(vault: Vault, values: ComponentValues): SdComponent {
  const fields = { kind: values.kind, name: values.name, description: values.description };
  return tx(vault.db, () =>
    toComponent(saveRecord(vault, 'sd_component', values.id, fields, fields)),
  );
}

export function archiveComponent(vault: Vault, id: string, archived: boolean): SdComponent {
  return tx(vault.db, () =>
    toComponent(setRecordArchived(vault, 'sd_component', id, archived).row),
  );
}

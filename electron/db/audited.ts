import type { VaultSchema } from './schema';

/**
 * Every table whose rows the audit log vouches for, with its id column. `verify` compares each
 * current row of these tables with the state hash of its latest audit entry, so a table listed
 * here must only ever change through `recordChange`.
 */
export const AUDITED_ENTITIES = {
  setting: { table: 'setting', idColumn: 'key' },
  vault_key: { table: 'vault_key', idColumn: 'id' },
  engagement: { table: 'engagement', idColumn: 'id' },
  person: { table: 'person', idColumn: 'id' },
  criterion: { table: 'criterion', idColumn: 'id' },
  control: { table: 'control', idColumn: 'id' },
  sd_text: { table: 'sd_text', idColumn: 'key' },
  sd_component: { table: 'sd_component', idColumn: 'id' },
  subservice_org: { table: 'subservice_org', idColumn: 'id' },
  cuec: { table: 'cuec', idColumn: 'id' },
  sd_event: { table: 'sd_event', idColumn: 'id' },
  assessment: { table: 'assessment', idColumn: 'control_id' },
  risk: { table: 'risk', idColumn: 'id' },
  task: { table: 'task', idColumn: 'id' },
  task_dismissal: { table: 'task_dismissal', idColumn: 'control_id' },
  request_import: { table: 'request_import', idColumn: 'id' },
  request: { table: 'request', idColumn: 'id' },
  request_comment: { table: 'request_comment', idColumn: 'id' },
} as const satisfies Record<string, { table: keyof VaultSchema; idColumn: string }>;

export type AuditedEntity = keyof typeof AUDITED_ENTITIES;

export function isAuditedEntity(name: string): name is AuditedEntity {
  return Object.hasOwn(AUDITED_ENTITIES, name);
}

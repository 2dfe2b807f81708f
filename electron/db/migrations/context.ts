import type { AuditContext } from '../audit';
import type { IdSource } from '../../platform/ids';

/**
 * What a migration may use besides kysely: the synchronous connection (it runs inside the
 * migration's transaction), the clock, ids, and the audit actor, which is always "migration" so
 * the log says plainly which entries an upgrade wrote.
 */
export interface MigrationContext extends AuditContext {
  ids: IdSource;
}

export const MIGRATION_ACTOR = 'migration';

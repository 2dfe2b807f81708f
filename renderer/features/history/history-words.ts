import type { AuditEntryView } from '../../../shared/api/audit';

/** An audit entry's action, as the history shows it. */
export const ACTION_WORDS: Record<AuditEntryView['action'], string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  archive: 'Archived',
  restore: 'Restored',
};

import { api } from '../../../api';
import { notifyError, notifySuccess } from '../../../app/notify';
import { useScope } from '../scope-store';

/** Re-reads the system description (its completeness follows every answer). */
export function reloadSd(): Promise<void> {
  return useScope.getState().loadSd().catch(notifyError);
}

type Archivable =
  'sd.archiveComponent' | 'sd.archiveSubservice' | 'sd.archiveCuec' | 'sd.archiveEvent';

/** Archives (kept, out of the description) or restores a record, quietly saying so. */
export async function archiveSdRecord(
  method: Archivable,
  id: string,
  archived: boolean,
  name: string,
): Promise<void> {
  try {
    await api.call(method, { id, archived });
    notifySuccess(archived ? `Archived “${name}”. You can restore it.` : `Restored “${name}”.`);
    await reloadSd();
  } catch (e) {
    notifyError(e);
  }
}

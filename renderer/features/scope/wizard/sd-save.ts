import { useCallback } from 'react';
import { useApi } from '../../../api/provider';
import { notifyError, notifySuccess } from '../../../app/notify';

type Archivable =
  'sd.archiveComponent' | 'sd.archiveSubservice' | 'sd.archiveCuec' | 'sd.archiveEvent';

/**
 * Archives (kept, out of the description) or restores a record, quietly saying so. The
 * description shown is re-read by the change itself (`vault.changed` touches `sd`).
 */
export function useArchiveSdRecord(): (
  method: Archivable,
  id: string,
  archived: boolean,
  name: string,
) => Promise<void> {
  const client = useApi();
  return useCallback(
    async (method: Archivable, id: string, archived: boolean, name: string) => {
      try {
        await client.call(method, { id, archived });
        notifySuccess(archived ? `Archived “${name}”. You can restore it.` : `Restored “${name}”.`);
      } catch (e) {
        notifyError(e);
      }
    },
    [client],
  );
}

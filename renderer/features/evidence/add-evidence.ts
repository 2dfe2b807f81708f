import type { EvidenceSource } from '../../../shared/api/evidence';
import type { ApiClient } from '../../api';
import { useApi } from '../../api/provider';
import { useJob } from '../../api/use-job';
import { notifyError, notifySuccess } from '../../app/notify';
import { plural } from '../../components/format';
import { useState } from 'react';

/**
 * A file the user dropped or chose, as `evidence.add` takes it: its path on the desktop (the
 * preload's `getPathForFile`), else sent to `POST /upload` first and named by its upload id.
 */
export async function evidenceSourceFor(client: ApiClient, file: File): Promise<EvidenceSource> {
  const source = await client.fileSourceFor(file);
  return 'path' in source
    ? { path: source.path }
    : { uploadId: source.uploadId, fileName: file.name };
}

/**
 * Adding files as evidence: the files are sent (browser) and then stored by one job whose
 * progress — files, bytes, rate, time left — shows with Cancel (finished items are kept).
 */
export function useAddEvidence(onAdded?: (firstId: string) => void) {
  const client = useApi();
  const job = useJob();
  const [sending, setSending] = useState<string | null>(null);

  const add = async (files: readonly File[]) => {
    if (files.length === 0) return;
    let sources: EvidenceSource[];
    try {
      setSending(`Sending ${plural(files.length, 'file')}`);
      sources = [];
      for (const f of files) sources.push(await evidenceSourceFor(client, f));
    } catch (e) {
      notifyError(e);
      return;
    } finally {
      setSending(null);
    }
    const result = await job.run(`Storing ${plural(files.length, 'file')}`, 'evidence.add', {
      sources,
      controlIds: [],
      requestIds: [],
    });
    if (!result) return;
    const again = result.added.filter((a) => a.deduplicated).length;
    notifySuccess(
      `Added ${plural(result.added.length, 'item')} of evidence.` +
        (again ? ` ${plural(again, 'file was', 'files were')} already stored: kept once.` : '') +
        (result.skipped.length
          ? ` Left out ${plural(result.skipped.length, 'thing')} that is not a file.`
          : ''),
    );
    const first = result.added[0];
    if (first && result.added.length === 1) onAdded?.(first.evidenceId);
  };

  return { add, running: job.running, cancel: job.cancel, sending };
}

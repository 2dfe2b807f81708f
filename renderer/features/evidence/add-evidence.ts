import type { EvidenceSource } from '../../../shared/api/evidence';
import type { JobProgress } from '../../../shared/api/jobs';
import type { ApiClient } from '../../api';
import { ApiCallError } from '../../api/errors';
import { useApi } from '../../api/provider';
import type { UploadOptions } from '../../api/transport';
import { useJob } from '../../api/use-job';
import { notifyError, notifySuccess } from '../../app/notify';
import { plural } from '../../components/format';
import { useRef, useState } from 'react';

/**
 * A file the user dropped or chose, as `evidence.add` takes it: its path on the desktop (the
 * preload's `getPathForFile`), else sent to `POST /upload` first and named by its upload id.
 */
export async function evidenceSourceFor(
  client: ApiClient,
  file: File,
  options?: UploadOptions,
): Promise<EvidenceSource> {
  const source = await client.fileSourceFor(file, options);
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
  const [sending, setSending] = useState<Sending | null>(null);
  const sendingControl = useRef<AbortController | null>(null);

  const add = async (files: readonly File[]) => {
    if (files.length === 0) return;
    let sources: EvidenceSource[];
    const control = new AbortController();
    sendingControl.current = control;
    try {
      sources = await sendAll(client, files, control.signal, (progress) =>
        setSending({ label: `Sending ${plural(files.length, 'file')}`, progress }),
      );
    } catch (e) {
      notifyError(e); // a cancel says "Cancelled. Nothing was changed."
      return;
    } finally {
      sendingControl.current = null;
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

  return {
    add,
    running: job.running,
    cancel: job.cancel,
    sending,
    cancelSending: () => sendingControl.current?.abort(),
  };
}

/** Files being sent to the server before they are stored (browser only), with their progress. */
export interface Sending {
  label: string;
  progress: JobProgress;
}

/**
 * Each file as a source, in order; in a browser each is uploaded first, and `onProgress` hears
 * files and bytes sent, the rate and the time left, as a job's progress would say them. On the
 * desktop the files are named by path and nothing is sent.
 */
export async function sendAll(
  client: ApiClient,
  files: readonly File[],
  signal: AbortSignal,
  onProgress: (progress: JobProgress) => void,
  now: () => number = () => performance.now(),
): Promise<EvidenceSource[]> {
  const bytesTotal = files.reduce((n, f) => n + f.size, 0);
  const started = now();
  let before = 0;
  const report = (filesDone: number, bytesDone: number) => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0.5 ? bytesDone / seconds : 0;
    onProgress({
      filesDone,
      filesTotal: files.length,
      bytesDone,
      bytesTotal,
      ...(rate > 0 ? { bytesPerSecond: Math.round(rate) } : {}),
      ...(rate > 0 ? { etaSeconds: Math.round((bytesTotal - bytesDone) / rate) } : {}),
    });
  };
  const sources: EvidenceSource[] = [];
  report(0, 0);
  for (const [i, file] of files.entries()) {
    if (signal.aborted) throw new ApiCallError({ code: 'cancelled', message: 'Cancelled.' });
    sources.push(
      await evidenceSourceFor(client, file, {
        signal,
        onSent: (bytes) => report(i, before + bytes),
      }),
    );
    before += file.size;
    report(i + 1, before);
  }
  return sources;
}

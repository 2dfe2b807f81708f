import { useCallback } from 'react';
import type { Input, JobMethodName } from '../../shared/api/index';
import type { GeneratedFile } from '../../shared/api/files';
import { notifySuccess } from '../app/notify';
import { useApi } from './provider';
import { type SaveFormat, chooseSaveTarget, deliverOutput, savedMessage } from './save-output';
import { useJob } from './use-job';

/** The jobs that write a file for the user (they take `saveTo` and answer a GeneratedFile). */
type FileJob = {
  [M in JobMethodName]: Input<M> extends { saveTo?: { path: string } } ? M : never;
}[JobMethodName];

export interface SaveFileRequest<M extends FileJob> {
  /** What the progress line says while it runs. */
  label: string;
  method: M;
  /** The job's input without `saveTo`: where it goes is asked here. */
  input: Omit<Input<M>, 'saveTo'>;
  /** The Save dialog: its title, the name it proposes and the file type it filters on. */
  dialog: { title: string; fileName: string; format: SaveFormat };
}

/**
 * One file written for the user, the same way from every export: the desktop asks where to save
 * it (the browser downloads it instead), the job runs with progress and Cancel (`job`), the file
 * is handed over and a notice says where it went. `save` answers the file, or null when the user
 * cancelled or the job failed (they have been told).
 */
export function useSaveFileJob() {
  const job = useJob();
  const client = useApi();
  const { run } = job;
  const save = useCallback(
    async <M extends FileJob>(request: SaveFileRequest<M>): Promise<GeneratedFile | null> => {
      const { title, fileName, format } = request.dialog;
      const target = await chooseSaveTarget(client, fileName, format, title);
      if (!target) return null;
      const input = { ...request.input, ...target } as unknown as Input<M>;
      const file = (await run(request.label, request.method, input)) as GeneratedFile | null;
      if (!file) return null;
      deliverOutput(file);
      notifySuccess(savedMessage(file));
      return file;
    },
    [client, run],
  );
  return { job, save };
}

import type { QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import type { Input, JobResult } from '../../../shared/api/index';
import type { FileSource } from '../../../shared/api/methods/blobs';
import type { Job, JobProgress } from '../../../shared/api/jobs';
import type { PackageVerifyReport } from '../../../shared/api/package-verify';
import { type ApiClient, ApiCallError, toApiCallError } from '../../api';
import { apiQueryKey } from '../../api/queries';
import { notifyError } from '../../app/notify';
import { forgetPackageReads } from './auditor-queries';

export type OpenResult = JobResult<'auditor.openPackage'>;

/**
 * Opening an audit package as the user sees it: the `auditor.openPackage` job's progress with
 * Cancel, then — when the package failed its check — the report naming every problem (nothing
 * was opened). A package that opened is shown by auditor mode itself (`auditor.package`, server
 * state), so nothing of a success is kept here. UI state only: which job this window shows.
 */
export interface OpenPackageState {
  phase: 'idle' | 'running' | 'failed';
  /** What is being opened, in words ("Checking package.zip"). */
  label: string;
  jobId: string | null;
  progress: JobProgress | null;
  /** The failed check (phase `failed`). */
  report: PackageVerifyReport | null;
  controller: AbortController | null;
}

const IDLE: OpenPackageState = {
  phase: 'idle',
  label: '',
  jobId: null,
  progress: null,
  report: null,
  controller: null,
};

export const useOpenPackage = create<OpenPackageState>()(() => IDLE);

export const ZIP_FILTER = [{ name: 'Audit package', extensions: ['zip'] }];

/** The open package's cached read (no vault: keyed by no opening). */
export const AUDITOR_PACKAGE_KEY = apiQueryKey(null, 'auditor.package', {});

/** Re-reads which package is open (after opening or closing one, from here or the menu). */
export async function refreshOpenPackage(queries: QueryClient): Promise<void> {
  forgetPackageReads(queries);
  await queries.invalidateQueries({ queryKey: AUDITOR_PACKAGE_KEY });
}

export function dismissOpenResult(): void {
  if (useOpenPackage.getState().phase === 'failed') useOpenPackage.setState(IDLE);
}

/** Cancel: the job stops and nothing is opened (one the menu started is cancelled by its id). */
export function cancelOpening(): void {
  useOpenPackage.getState().controller?.abort();
}

/** What the job answered, as this window shows it: the package opened, or what failed. */
async function settle(queries: QueryClient, result: OpenResult): Promise<void> {
  if (result.opened) {
    await refreshOpenPackage(queries);
    useOpenPackage.setState(IDLE);
  } else {
    useOpenPackage.setState({ ...IDLE, phase: 'failed', report: result.report });
  }
}

function failed(e: unknown): void {
  useOpenPackage.setState(IDLE);
  notifyError(toApiCallError(e));
}

/** Opens the package at `source` (a path or an upload), showing its check as it runs. */
export async function openPackageFrom(
  client: ApiClient,
  queries: QueryClient,
  source: FileSource,
  label: string,
): Promise<void> {
  if (useOpenPackage.getState().phase === 'running') return;
  const controller = new AbortController();
  useOpenPackage.setState({ ...IDLE, phase: 'running', label, controller });
  const mine = () => useOpenPackage.getState().controller === controller;
  try {
    const input: Input<'auditor.openPackage'> = { source };
    const result = await client.runJob(
      'auditor.openPackage',
      input,
      (progress) => {
        if (mine()) useOpenPackage.setState({ progress });
      },
      {
        signal: controller.signal,
        onStart: (jobId) => {
          if (mine()) useOpenPackage.setState({ jobId });
        },
      },
    );
    if (mine()) await settle(queries, result);
  } catch (e) {
    if (mine()) failed(e);
  }
}

/**
 * "Open audit package…" from the start screen or the palette: a `.zip` chosen in the desktop's
 * file dialog (a path) or the browser's file input (uploaded first, `POST /upload`).
 */
export async function chooseAuditPackage(client: ApiClient, queries: QueryClient): Promise<void> {
  if (useOpenPackage.getState().phase === 'running') return;
  let sources: FileSource[] | null;
  try {
    sources = await client.pickFileSources({
      title: 'Open audit package',
      multiple: false,
      filters: ZIP_FILTER,
    });
  } catch (e) {
    notifyError(e);
    return;
  }
  const source = sources?.[0];
  if (!source) return;
  const label = 'path' in source ? `Checking ${fileNameOf(source.path)}` : 'Checking the package';
  await openPackageFrom(client, queries, source, label);
}

const fileNameOf = (path: string) => path.split(/[\\/]/).pop() || path;

/**
 * A job this window did not start (the desktop menu's "Open audit package…" runs it from the
 * main process): followed by its events, with a re-read in case some went by unheard.
 */
export function followJob(
  client: ApiClient,
  jobId: string,
  onProgress: (progress: JobProgress) => void,
): Promise<Job> {
  return new Promise<Job>((resolve, reject) => {
    let done = false;
    const finish = (job: Job) => {
      if (done) return;
      done = true;
      offProgress();
      offState();
      if (job.state === 'succeeded') resolve(job);
      else if (job.state === 'cancelled')
        reject(new ApiCallError({ code: 'cancelled', message: 'Cancelled.' }));
      else reject(new ApiCallError(job.error ?? { code: 'internal', message: 'The job failed.' }));
    };
    const reread = () =>
      client.call('jobs.get', { jobId }).then((job) => {
        if (job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled')
          finish(job);
      }, reject);
    const offProgress = client.subscribe('job.progress', (p) => {
      if (p.jobId === jobId && !done) onProgress(p);
    });
    const offState = client.subscribe('job.state', (s) => {
      if (s.jobId === jobId && s.state !== 'queued' && s.state !== 'running') void reread();
    });
    void reread();
  });
}

/**
 * Shows a package opening that started elsewhere (the desktop menu) as if started here: its
 * progress, then the package or its problems. Ignored while this window runs its own.
 */
export async function adoptOpenJob(
  client: ApiClient,
  queries: QueryClient,
  jobId: string,
): Promise<void> {
  const state = useOpenPackage.getState();
  if (state.phase === 'running') return;
  const controller = new AbortController();
  useOpenPackage.setState({
    ...IDLE,
    phase: 'running',
    label: 'Checking the package',
    jobId,
    controller,
  });
  const mine = () => useOpenPackage.getState().controller === controller;
  controller.signal.addEventListener('abort', () => {
    client.call('jobs.cancel', { jobId }).catch(() => {});
  });
  try {
    const job = await followJob(client, jobId, (progress) => {
      if (mine()) useOpenPackage.setState({ progress });
    });
    if (mine()) await settle(queries, job.result as OpenResult);
  } catch (e) {
    if (mine()) failed(e);
  }
}

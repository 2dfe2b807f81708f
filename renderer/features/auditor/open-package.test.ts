import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/api/index';
import type { Job } from '../../../shared/api/jobs';
import type { PackageVerifyReport } from '../../../shared/api/package-verify';
import type { ApiClient } from '../../api';
import { AUDITOR_PACKAGE_KEY, adoptOpenJob, openPackageFrom, useOpenPackage } from './open-package';

const failedReport: PackageVerifyReport = {
  verified: false,
  complete: true,
  fingerprint: 'ab'.repeat(32),
  filesChecked: 3,
  bytesChecked: 300,
  manifest: null,
  problems: [{ kind: 'changed', path: '04_Evidence/a.txt', message: 'Changed: 04_Evidence/a.txt' }],
};

/**
 * A client whose jobs run elsewhere: the test plays the server's events (`emit`) and says what
 * `jobs.get` answers (`job`), as the desktop menu's job looks to the window.
 */
function serverClient() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let job: Job | null = null;
  const calls: string[] = [];
  const client = {
    kind: 'browser',
    async call(method: string) {
      calls.push(method);
      if (method === 'jobs.get') return job;
      if (method === 'jobs.cancel') return job;
      throw new Error(`unexpected ${method}`);
    },
    subscribe<E extends EventName>(event: E, listener: (p: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    async runJob() {
      return {
        opened: true,
        report: { ...failedReport, verified: true, problems: [] },
        package: null,
      };
    },
  } as unknown as ApiClient;
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) =>
    listeners.get(event)?.forEach((l) => l(payload));
  const setJob = (state: Job['state'], result: unknown = null) => {
    job = {
      id: 'job_1',
      kind: 'auditor.openPackage',
      label: 'Opening',
      state,
      createdAt: '2026-05-15T10:00:00.000Z',
      startedAt: null,
      finishedAt: null,
      progress: null,
      result,
      error: null,
    };
  };
  return { client, emit, setJob, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() =>
  useOpenPackage.setState({ phase: 'idle', report: null, controller: null, jobId: null }),
);

describe('a package opening started elsewhere (the desktop menu)', () => {
  it('shows its progress, then the problems of a package that failed its check', async () => {
    const { client, emit, setJob } = serverClient();
    setJob('running');
    const done = adoptOpenJob(client, new QueryClient(), 'job_1');
    await tick();
    expect(useOpenPackage.getState()).toMatchObject({ phase: 'running', jobId: 'job_1' });
    emit('job.progress', { jobId: 'job_1', filesDone: 2, filesTotal: 3 });
    expect(useOpenPackage.getState().progress).toMatchObject({ filesDone: 2 });
    // Another job's progress is not this one's.
    emit('job.progress', { jobId: 'job_2', filesDone: 9 });
    expect(useOpenPackage.getState().progress).toMatchObject({ filesDone: 2 });

    setJob('succeeded', { opened: false, report: failedReport, package: null });
    emit('job.state', { jobId: 'job_1', kind: 'auditor.openPackage', state: 'succeeded' });
    await done;
    expect(useOpenPackage.getState()).toMatchObject({ phase: 'failed', report: failedReport });
  });

  it('is followed even when it ended before the window listened (its state is re-read)', async () => {
    const { client, setJob } = serverClient();
    setJob('succeeded', { opened: false, report: failedReport, package: null });
    await adoptOpenJob(client, new QueryClient(), 'job_1');
    expect(useOpenPackage.getState().phase).toBe('failed');
  });

  it('is not adopted while this window runs its own opening', async () => {
    const { client, calls } = serverClient();
    useOpenPackage.setState({ phase: 'running', jobId: 'job_mine' });
    await adoptOpenJob(client, new QueryClient(), 'job_1');
    expect(useOpenPackage.getState().jobId).toBe('job_mine');
    expect(calls).toEqual([]);
  });
});

describe('openPackageFrom', () => {
  it('re-reads which package is open once one opened, and shows nothing more', async () => {
    const { client } = serverClient();
    const queries = new QueryClient();
    queries.setQueryData(AUDITOR_PACKAGE_KEY, null);
    await openPackageFrom(client, queries, { uploadId: 'up_1' }, 'Checking the package');
    expect(queries.getQueryState(AUDITOR_PACKAGE_KEY)?.isInvalidated).toBe(true);
    expect(useOpenPackage.getState().phase).toBe('idle');
  });
});

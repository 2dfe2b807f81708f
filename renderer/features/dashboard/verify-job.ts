import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { create } from 'zustand';
import type { JobProgress } from '../../../shared/api/jobs';
import type { VerifyReport } from '../../../shared/api/vault';
import type { ApiClient } from '../../api';
import { useApi } from '../../api/provider';
import { apiQueryKey } from '../../api/queries';
import { notifyError } from '../../app/notify';
import { useOpenId, useVault } from '../vault/store';
import { hideVerifyToast, showVerifyRunning, showVerifyVerdict } from './verify-toast';

/**
 * "Verify vault" as the user started it: the `vault.verify` job's progress, Cancel, and its
 * report. Not a cached answer (nothing re-reads it: it is what the vault was when checked), so
 * it is kept here with the opening it was about — another vault, or the same one restored
 * (which opens it anew), never shows it.
 */
interface VerifyJob {
  openId: string | null;
  running: boolean;
  progress: JobProgress | null;
  report: VerifyReport | null;
  controller: AbortController | null;
}

const useVerifyJob = create<VerifyJob>()(() => ({
  openId: null,
  running: false,
  progress: null,
  report: null,
  controller: null,
}));

/** The opening shown now (the user may have opened another vault while a check ran). */
const shownOpenId = () => {
  const vault = useVault.getState();
  return vault.status === 'open' ? (vault.app?.openId ?? null) : null;
};

/**
 * Runs the check where the user is, with the toast of `verify-toast.tsx` for its progress and
 * verdict; the report stays here for the Dashboard's Integrity card.
 */
async function runVerify(client: ApiClient, queries: QueryClient, openId: string): Promise<void> {
  if (useVerifyJob.getState().running) return;
  const controller = new AbortController();
  const mine = () => useVerifyJob.getState().controller === controller;
  useVerifyJob.setState({ openId, running: true, progress: null, report: null, controller });
  showVerifyRunning();
  let verdict: VerifyReport | null = null;
  try {
    const report = await client.runJob(
      'vault.verify',
      {},
      (progress) => {
        if (mine()) useVerifyJob.setState({ progress });
      },
      { signal: controller.signal },
    );
    if (mine()) {
      useVerifyJob.setState({ report });
      verdict = report;
      // The report carries the witness's verdict as of the check: shown where the notice reads it.
      if (report.witness)
        queries.setQueryData(apiQueryKey(openId, 'vault.witness', {}), report.witness);
    }
  } catch (e) {
    notifyError(e);
  } finally {
    if (mine()) useVerifyJob.setState({ running: false, controller: null });
  }
  // A verdict about a vault no longer open would read as one about the vault on screen.
  if (verdict && shownOpenId() === openId) showVerifyVerdict(verdict);
  else hideVerifyToast();
}

/**
 * Starts "Verify vault" for the open vault, with its toast: the one way the Dashboard, the Vault
 * menu and the palette start it.
 */
export function useRunVerify(): () => void {
  const client = useApi();
  const queries = useQueryClient();
  const openId = useOpenId();
  return useCallback(() => {
    if (openId) void runVerify(client, queries, openId);
  }, [client, queries, openId]);
}

/** The verification of the open vault in this session: running, its progress, or its report. */
export function useVerify(): {
  running: boolean;
  progress: JobProgress | null;
  report: VerifyReport | null;
  cancel(): void;
} {
  const openId = useOpenId();
  const job = useVerifyJob();
  const mine = openId !== null && job.openId === openId;
  return {
    running: mine && job.running,
    progress: mine ? job.progress : null,
    report: mine ? job.report : null,
    cancel: () => job.controller?.abort(),
  };
}

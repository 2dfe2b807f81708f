import { create } from 'zustand';
import type { JobProgress } from '../../../shared/api/jobs';
import type { VerifyReport } from '../../../shared/api/vault';
import { api } from '../../api';
import { notifyError } from '../../app/notify';
import { useWitness } from './witness-store';

interface VerifyState {
  /** The vault the last run was about (a result never outlives its vault). */
  vaultPath: string | null;
  running: boolean;
  progress: JobProgress | null;
  report: VerifyReport | null;
  controller: AbortController | null;
  run(vaultPath: string): Promise<void>;
  cancel(): void;
  /** Forgets the last report (the vault was replaced, e.g. by a restored backup). */
  reset(): void;
}

/** "Verify vault": the `vault.verify` job, its progress, and its report. */
export const useVerify = create<VerifyState>()((set, get) => ({
  vaultPath: null,
  running: false,
  progress: null,
  report: null,
  controller: null,

  async run(vaultPath) {
    if (get().running) return;
    const controller = new AbortController();
    set({ vaultPath, running: true, progress: null, report: null, controller });
    try {
      const report = await api.runJob(
        'vault.verify',
        {},
        (progress) => {
          if (get().controller === controller) set({ progress });
        },
        { signal: controller.signal },
      );
      if (get().controller === controller) {
        set({ report });
        if (report.witness) useWitness.getState().show(report.witness);
      }
    } catch (e) {
      notifyError(e);
    } finally {
      if (get().controller === controller) set({ running: false, controller: null });
    }
  },

  cancel() {
    get().controller?.abort();
  },

  reset() {
    get().controller?.abort();
    set({ vaultPath: null, running: false, progress: null, report: null, controller: null });
  },
}));

import { create } from 'zustand';
import type { StepId } from './steps';

/**
 * What each step shows under its name in the navigation ("87/112 assessed", "4 overdue"). Each
 * feature publishes its own step's status from real data; the navigation only displays it, so
 * features never need to edit the shell.
 */
export interface StepStatus {
  text: string;
  /** Colour of the small ring or dot, from the one status palette. */
  tone?: 'met' | 'partial' | 'missing' | 'neutral';
  /** 0–1, drawn as a small progress ring when given. */
  progress?: number;
}

interface StepStatusState {
  statuses: Partial<Record<StepId, StepStatus>>;
  publish(step: StepId, status: StepStatus | null): void;
}

export const useStepStatus = create<StepStatusState>()((set) => ({
  statuses: {},
  publish: (step, status) =>
    set((s) => {
      const next = { ...s.statuses };
      if (status) next[step] = status;
      else delete next[step];
      return { statuses: next };
    }),
}));

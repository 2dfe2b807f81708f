import { create } from 'zustand';
import type { Witness } from '../../../shared/api/witness';
import { api } from '../../api';

interface WitnessState {
  witness: Witness | null;
  /** Reads the witness's verdict on the open vault (cheap: no re-hashing). */
  load(): Promise<void>;
  /** A verdict read elsewhere (the verify report). */
  show(witness: Witness): void;
  /** Records the vault's chain as the new baseline, and shows the verdict after it. */
  accept(): Promise<Witness>;
  reset(): void;
}

/** What the witness on this computer says about the open vault's audit chain. */
export const useWitness = create<WitnessState>()((set) => ({
  witness: null,

  async load() {
    set({ witness: await api.call('vault.witness', {}) });
  },

  show(witness) {
    set({ witness });
  },

  async accept() {
    const witness = await api.call('vault.acceptWitness', {});
    set({ witness });
    return witness;
  },

  reset() {
    set({ witness: null });
  },
}));

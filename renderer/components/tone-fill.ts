import './tone.css';
import type { Tone } from './status';

/** Class of a filled surface in the status palette (see tone.css): AA text on every fill. */
export const TONE_FILL_CLASS: Record<Tone, string> = {
  met: 'attest-fill-met',
  partial: 'attest-fill-partial',
  missing: 'attest-fill-missing',
  neutral: 'attest-fill-neutral',
};

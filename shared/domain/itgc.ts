/**
 * Automated controls and the IT general controls (ITGCs) they rely on (DESIGN §5, D1 item 4). An
 * auditor accepts one instance of an automated control's configuration, plus that
 * configuration's change history, only while the controls over changing it (change management,
 * CC8.1) and over who may change it (logical access, CC6.1–CC6.3) are themselves met. If any
 * relied-on control is not met, the automated control must be sampled like a manual one.
 */
import type { Nature } from './catalog';

/** The criteria whose key controls are IT general controls by default. */
export const ITGC_CRITERIA = ['CC8.1', 'CC6.1', 'CC6.2', 'CC6.3'] as const;

export interface RelianceCandidate {
  id: string;
  nature: Nature;
  archived: boolean;
  /** Criteria this control is key for. */
  keyFor: readonly string[];
}

/**
 * The default when a control is scoped (and what migration 013 gave existing vaults): every
 * active automated control relies on every active control that is *not* automated and is key for
 * change management or logical access. Automated ITGCs are left out of the default: they rely on
 * the manual ones in turn, and a default built this way can never make a cycle.
 */
export function isDefaultItgc(c: RelianceCandidate): boolean {
  return (
    !c.archived &&
    c.nature !== 'automated' &&
    c.keyFor.some((id) => (ITGC_CRITERIA as readonly string[]).includes(id))
  );
}

export function defaultReliance(
  controls: readonly RelianceCandidate[],
): { controlId: string; reliesOnId: string }[] {
  const itgcs = controls.filter(isDefaultItgc);
  return controls
    .filter((c) => !c.archived && c.nature === 'automated')
    .flatMap((a) =>
      itgcs.filter((i) => i.id !== a.id).map((i) => ({ controlId: a.id, reliesOnId: i.id })),
    );
}

export type ItgcState = 'effective' | 'failing' | 'unknown';

/**
 * What the relied-on controls say about an automated control: `unknown` when it relies on none
 * (nothing to lean on; the drawer asks for links), `effective` when every one is met, else
 * `failing` — then the automated control must be sampled.
 */
export function itgcState(reliedOn: readonly { met: boolean }[]): ItgcState {
  if (reliedOn.length === 0) return 'unknown';
  return reliedOn.every((r) => r.met) ? 'effective' : 'failing';
}

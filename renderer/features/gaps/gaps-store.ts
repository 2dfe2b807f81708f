import { create } from 'zustand';
import type { Output } from '../../../shared/api/index';
import type { Control, ControlPatch, VaultCriterion } from '../../../shared/api/controls';
import type {
  AssessInput,
  Assessment,
  CriterionCoverageView,
  Gap,
  UnassessedControl,
} from '../../../shared/api/gaps';
import type { AssessmentStatus } from '../../../shared/domain/coverage';
import { api } from '../../api';

export type GapSummary = Output<'assessments.list'>['summary'];

interface GapsState {
  /** 'idle' until first asked; 'ready' once everything below has been read at least once. */
  status: 'idle' | 'loading' | 'ready';
  controls: Control[];
  assessments: Record<string, Assessment>;
  summary: GapSummary | null;
  criteria: VaultCriterion[];
  coverage: CriterionCoverageView[];
  gaps: Gap[];
  /** Controls nobody has assessed yet: not gaps, shown as "not assessed yet". */
  notAssessed: UnassessedControl[];
  load(): Promise<void>;
  /** Re-reads what follows from assessments, owners and risks: counts, warnings, coverage, gaps. */
  refreshDerived(): Promise<void>;
  assess(input: AssessInput): Promise<Assessment>;
  assessMany(
    controlIds: string[],
    status: AssessmentStatus,
    naReason: string | null,
  ): Promise<void>;
  updateControl(id: string, patch: ControlPatch): Promise<Control>;
  reset(): void;
}

/** Every active control, across pages (a vault holds a few hundred at most). */
async function allControls(): Promise<Control[]> {
  const out: Control[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.call('controls.list', { limit: 1000, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const byControl = (items: Assessment[]) => Object.fromEntries(items.map((a) => [a.controlId, a]));

/** A read that started before a newer one (or a vault switch) must not overwrite it. */
let generation = 0;

/** The gap analysis as the screens, the dashboard, the palette and the navigation share it. */
export const useGaps = create<GapsState>()((set, get) => ({
  status: 'idle',
  controls: [],
  assessments: {},
  summary: null,
  criteria: [],
  coverage: [],
  gaps: [],
  notAssessed: [],

  async load() {
    const mine = ++generation;
    if (get().status === 'idle') set({ status: 'loading' });
    const [controls, assessed, criteria, coverage] = await Promise.all([
      allControls(),
      api.call('assessments.list', {}),
      api.call('criteria.list', { inScopeOnly: true }),
      api.call('coverage.get', {}),
    ]);
    if (mine !== generation) return;
    set({
      status: 'ready',
      controls,
      assessments: byControl(assessed.items),
      summary: assessed.summary,
      criteria: criteria.items,
      coverage: coverage.criteria,
      gaps: coverage.gaps,
      notAssessed: coverage.notAssessed,
    });
  },

  async refreshDerived() {
    if (get().status !== 'ready') return;
    const mine = ++generation;
    const [assessed, coverage] = await Promise.all([
      api.call('assessments.list', {}),
      api.call('coverage.get', {}),
    ]);
    if (mine !== generation) return;
    set({
      assessments: byControl(assessed.items),
      summary: assessed.summary,
      coverage: coverage.criteria,
      gaps: coverage.gaps,
      notAssessed: coverage.notAssessed,
    });
  },

  async assess(input) {
    const saved = await api.call('assessments.set', input);
    set((s) => ({ assessments: { ...s.assessments, [saved.controlId]: saved } }));
    await get().refreshDerived();
    return saved;
  },

  async assessMany(controlIds, status, naReason) {
    // The backend changes only the status (and reason): each control keeps its notes and date.
    const { items } = await api.call('assessments.setMany', { controlIds, status, naReason });
    set((s) => ({
      assessments: { ...s.assessments, ...Object.fromEntries(items.map((a) => [a.controlId, a])) },
    }));
    await get().refreshDerived();
  },

  async updateControl(id, patch) {
    const saved = await api.call('controls.update', { id, patch });
    set((s) => ({ controls: s.controls.map((c) => (c.id === id ? saved : c)) }));
    await get().refreshDerived();
    return saved;
  },

  reset() {
    generation++;
    set({
      status: 'idle',
      controls: [],
      assessments: {},
      summary: null,
      criteria: [],
      coverage: [],
      gaps: [],
      notAssessed: [],
    });
  },
}));

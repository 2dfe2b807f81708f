import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Control, VaultCriterion } from '../../../shared/api/controls';
import type { Assessment, CriterionCoverageView, Gap } from '../../../shared/api/gaps';
import type { Output } from '../../../shared/api/index';
import { apiQueryKey } from '../../api/queries';
import { activeControls, useScopeControls, useScopeCriteria } from '../scope/scope-queries';
import { useOpenId } from '../vault/store';
import { useVaultQuery } from '../vault/use-vault-query';

export type GapSummary = Output<'assessments.list'>['summary'];

/** The gap analysis as the screens, the dashboard, the palette and the navigation share it. */
export interface GapsView {
  /** 'ready' once controls, assessments and criteria have all been read. */
  status: 'loading' | 'ready';
  /** The active controls, by reference. */
  controls: Control[];
  /** By control id: a control without one is not assessed yet. */
  assessments: Record<string, Assessment>;
  summary: GapSummary | null;
  /** The in-scope criteria. */
  criteria: VaultCriterion[];
}

const ASSESSMENTS_INPUT = {} as const;
const NO_ASSESSMENTS: Record<string, Assessment> = {};

interface AssessedView {
  byControl: Record<string, Assessment>;
  summary: GapSummary;
}
const assessedView = (answer: Output<'assessments.list'>): AssessedView => ({
  byControl: Object.fromEntries(answer.items.map((a) => [a.controlId, a])),
  summary: answer.summary,
});

/**
 * The gap analysis of the open vault, from the query cache (each part re-read when a change
 * touches what it reads). With a selector, only that part — the shape screens used when this
 * was a store. Coverage and gaps are apart (`useCoverage`): they are re-read on nearly every
 * change, so only the screens that show them ask for them.
 */
export function useGaps(): GapsView;
export function useGaps<T>(select: (view: GapsView) => T): T;
export function useGaps<T>(select?: (view: GapsView) => T): T | GapsView {
  const { controls, loaded: controlsLoaded } = useScopeControls();
  const { criteria, loaded: criteriaLoaded } = useScopeCriteria();
  const assessed = useVaultQuery('assessments.list', ASSESSMENTS_INPUT, { select: assessedView });
  const active = useMemo(() => activeControls(controls), [controls]);
  const view = useMemo<GapsView>(
    () => ({
      status: controlsLoaded && criteriaLoaded && assessed.isSuccess ? 'ready' : 'loading',
      controls: active,
      assessments: assessed.data?.byControl ?? NO_ASSESSMENTS,
      summary: assessed.data?.summary ?? null,
      criteria,
    }),
    [active, assessed.data, assessed.isSuccess, controlsLoaded, criteria, criteriaLoaded],
  );
  return select ? select(view) : view;
}

/** How each criterion is covered, and the gaps ordered by severity. */
export interface CoverageView {
  coverage: CriterionCoverageView[];
  gaps: Gap[];
  loaded: boolean;
}
const NOT_READ: CoverageView = { coverage: [], gaps: [], loaded: false };
const coverageView = (answer: Output<'coverage.get'>): CoverageView => ({
  coverage: answer.criteria,
  gaps: answer.gaps,
  loaded: true,
});

export function useCoverage(): CoverageView;
export function useCoverage<T>(select: (view: CoverageView) => T): T;
export function useCoverage<T>(select?: (view: CoverageView) => T): T | CoverageView {
  const view = useVaultQuery('coverage.get', {}, { select: coverageView }).data ?? NOT_READ;
  return select ? select(view) : view;
}

/**
 * Puts assessments just saved into the cached list at once (the status shows as it is chosen,
 * and the next key press sees it); counts follow with the re-read the change triggers.
 */
export function usePutAssessments(): (saved: readonly Assessment[]) => void {
  const queries = useQueryClient();
  const openId = useOpenId();
  return useCallback(
    (saved: readonly Assessment[]) =>
      queries.setQueryData<Output<'assessments.list'>>(
        apiQueryKey(openId, 'assessments.list', ASSESSMENTS_INPUT),
        (answer) => {
          if (!answer) return answer;
          const ids = new Set(saved.map((a) => a.controlId));
          return {
            ...answer,
            items: [...answer.items.filter((a) => !ids.has(a.controlId)), ...saved],
          };
        },
      ),
    [queries, openId],
  );
}

/**
 * A control's assessment as the cache holds it at the moment of asking (for key handlers and
 * debounced saves that run between renders); undefined when not assessed.
 */
export function useAssessmentNow(): (controlId: string) => Assessment | undefined {
  const queries = useQueryClient();
  const openId = useOpenId();
  return useCallback(
    (controlId: string) =>
      queries
        .getQueryData<Output<'assessments.list'>>(
          apiQueryKey(openId, 'assessments.list', ASSESSMENTS_INPUT),
        )
        ?.items.find((a) => a.controlId === controlId),
    [queries, openId],
  );
}

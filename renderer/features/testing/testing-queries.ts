import { useMemo } from 'react';
import type { ControlSortKey } from '../../../shared/api/controls';
import type { Input } from '../../../shared/api/index';
import type { SelfTestSummary } from '../../../shared/api/self-tests';
import { useApiQuery } from '../../api/queries';
import type { SortState } from '../../components/table/sort';
import { useOpenId } from '../vault/store';
import { useVaultPages } from '../vault/use-vault-pages';
import { useVaultQuery } from '../vault/use-vault-query';

/*
 * Self-tests read through the query cache: each answer is re-read when a change touches what its
 * method declares it reads (`selfTests`, controls, evidence, the engagement).
 */

const NO_TESTS: SelfTestSummary[] = [];

/** Every self-test of the vault (or of one control), oldest first. */
export function useSelfTests(controlId?: string) {
  const query = useVaultQuery('selfTests.list', controlId ? { controlId } : {});
  return { tests: query.data ?? NO_TESTS, loaded: query.isSuccess };
}

/** Each control's tests, oldest first, by control id. */
export function useTestsByControl(): {
  byControl: Map<string, SelfTestSummary[]>;
  loaded: boolean;
} {
  const { tests, loaded } = useSelfTests();
  const byControl = useMemo(() => {
    const by = new Map<string, SelfTestSummary[]>();
    for (const t of tests) by.set(t.controlId, [...(by.get(t.controlId) ?? []), t]);
    return by;
  }, [tests]);
  return { byControl, loaded };
}

/** What the Testing table sorts by: the control's own columns, which `controls.list` orders. */
export type TestingSortKey = Extract<ControlSortKey, 'ref' | 'title' | 'frequency'>;

/** One page of the Testing table. */
export const TESTING_PAGE_SIZE = 200;

/** The Testing table's search and order as `controls.list` takes them: controls in use only. */
export function testingListInput(
  search: string,
  sort: SortState<TestingSortKey>,
): Input<'controls.list'> {
  const needle = search.trim();
  return {
    includeArchived: false,
    sort,
    limit: TESTING_PAGE_SIZE,
    ...(needle ? { search: needle } : {}),
  };
}

/**
 * The controls the Testing table lists, a page at a time: the server searches, sorts and pages
 * (`controls.list`), and a change to controls re-reads the pages shown. Each row's tests come
 * from `useTestsByControl`.
 */
export function useTestingPages(search: string, sort: SortState<TestingSortKey>) {
  return useVaultPages('controls.list', testingListInput(search, sort));
}

/** How a draw is sized: the low or high end of the table's range, and a re-test's first day. */
export interface PlanChoice {
  level: 'low' | 'high';
  /** A re-test over the rest of the period from this day (ISO); null: the whole period. */
  from: string | null;
}

/** The table's low end over the whole period: the plan a list shows. */
export const WHOLE_PERIOD_LOW: PlanChoice = { level: 'low', from: null };

/**
 * What a self-test of the control would draw, how many items and why. While another choice's plan
 * is read (a re-test's counts the population's rows in its part of the period), the last plan of
 * the same control stays shown rather than the card disappearing.
 */
export function usePlan(controlId: string, choice: PlanChoice = WHOLE_PERIOD_LOW) {
  const openId = useOpenId();
  const input = {
    controlId,
    fromOccurrences: false,
    level: choice.level,
    ...(choice.from ? { from: choice.from } : {}),
  };
  return useApiQuery(openId, 'selfTests.plan', input, {
    enabled: openId !== null,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === openId && previous?.controlId === controlId
        ? previous
        : undefined,
  });
}

export function useSelfTest(id: string | null) {
  return useVaultQuery('selfTests.get', { id: id ?? '' }, { enabled: !!id });
}

import { Anchor, Group, Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CriterionCoverageView } from '../../../shared/api/gaps';
import { criteriaByCategory } from '../../../shared/domain/readiness/categories';
import { linkTo } from '../../app/routes';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge, type Tone } from '../../components/status';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { useCoverage } from '../gaps/gaps-store';
import { COVERAGE_LABEL, COVERAGE_TONE } from '../gaps/labels';
import { useScopeControls } from '../scope/scope-queries';
import { CATEGORY_PARAM, CRITERIA_CARD_ID } from './criteria-filter';

/** A criterion's status in words: "met with exceptions" when a key control has isolated deviations. */
export function criterionStatus(c: Pick<CriterionCoverageView, 'status' | 'exceptions'>): {
  label: string;
  tone: Tone;
} {
  if (c.status === 'met' && c.exceptions.length > 0)
    return { label: 'Met with exceptions', tone: 'partial' };
  return { label: COVERAGE_LABEL[c.status], tone: COVERAGE_TONE[c.status] };
}

/** The coverage rule's reason as a sentence ("every key control…" → "Every key control…"). */
export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Row = CriterionCoverageView & { keyRefs: string[] };

const COLUMNS: DataColumn<Row>[] = [
  {
    id: 'criterion',
    header: 'Criterion',
    width: 280,
    interactive: true,
    cell: (c) => (
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Anchor
          component={Link}
          to={linkTo('scopeCriterion', c.id)}
          size="sm"
          className="attest-mono"
          fw={600}
        >
          {c.id}
        </Anchor>
        <Text size="sm" lineClamp={2}>
          {c.title}
        </Text>
      </Group>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    width: 170,
    cell: (c) => {
      const s = criterionStatus(c);
      return <StatusBadge tone={s.tone}>{s.label}</StatusBadge>;
    },
  },
  {
    id: 'reason',
    header: 'Why',
    cell: (c) => (
      <Text size="sm" lineClamp={3}>
        {sentence(c.reason)}
      </Text>
    ),
  },
  {
    id: 'key',
    header: 'Key controls',
    width: 200,
    cell: (c) =>
      c.keyRefs.length === 0 ? (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ) : (
        <Text size="sm" className="attest-mono" lineClamp={3}>
          {c.keyRefs.join(', ')}
        </Text>
      ),
  },
];

/**
 * Every in-scope criterion with its status, the reason for it and the key controls behind it
 * (the coverage rule of the gap analysis, read through `coverage.get`).
 */
export function CriteriaCard() {
  const { coverage, loaded } = useCoverage();
  const { controls } = useScopeControls();
  const [params, setParams] = useSearchParams();
  const categories = useMemo(() => criteriaByCategory(coverage), [coverage]);
  // A category no longer in scope (or mistyped in the address) filters nothing.
  const asked = params.get(CATEGORY_PARAM);
  const category = categories.find((c) => c.category === asked) ?? null;
  const setCategory = (value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(CATEGORY_PARAM, value);
        else next.delete(CATEGORY_PARAM);
        return next;
      },
      { replace: true },
    );
  const shown = useMemo(
    () => (category ? coverage.filter((c) => c.category === category.category) : coverage),
    [coverage, category],
  );
  const rows = useMemo<Row[]>(() => {
    const refOf = new Map(controls.map((c) => [c.id, c.ref]));
    return shown.map((c) => ({
      ...c,
      keyRefs: c.keyControlIds.map((id) => refOf.get(id) ?? id).sort(),
    }));
  }, [shown, controls]);
  const met = shown.filter((c) => c.status === 'met').length;
  const relevant = shown.filter((c) => c.status !== 'not_relevant').length;
  return (
    <div id={CRITERIA_CARD_ID}>
      <SectionCard
        title="Criteria"
        testId="readiness-criteria"
        action={
          // Worth a filter only when more than Security is in scope.
          categories.length > 1 && (
            <Select
              aria-label="Category"
              placeholder="All categories"
              data={categories.map((c) => ({ value: c.category, label: c.label }))}
              value={category?.category ?? null}
              onChange={setCategory}
              clearable
              clearButtonProps={{
                'aria-label': 'All categories',
                'aria-hidden': false,
                tabIndex: 0,
              }}
              size="xs"
              w={200}
              data-testid="criteria-category"
            />
          )
        }
      >
        <Stack gap="sm">
          {loaded && (
            <Text size="sm" c="dimmed">
              {met} of {relevant} relevant {category ? `${category.label} ` : ''}criteria met. A
              criterion is met when every key control serving it is implemented with reviewed
              evidence.
            </Text>
          )}
          <DataTable
            label="Criteria and their status"
            testId="criteria-table"
            rows={rows}
            rowId={(r) => r.id}
            columns={COLUMNS}
            rowHeight={56}
            maxHeight="min(60dvh, 640px)"
            rowLabel={(r) => `${r.id} ${r.title}: ${criterionStatus(r).label}`}
            rowData={(r) => ({ 'data-criterion': r.id, 'data-status': r.status })}
            empty={
              <Text size="sm" c="dimmed" p="md">
                {loaded ? 'No criterion is in scope yet.' : 'Reading the criteria…'}
              </Text>
            }
          />
        </Stack>
      </SectionCard>
    </div>
  );
}

import { Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  DEFAULT_EVIDENCE_SORT,
  type Evidence,
  type EvidenceSort,
} from '../../../shared/api/evidence';
import { notifyError } from '../../app/notify';
import { plural } from '../../components/format';
import { personName, usePeople } from '../people/people-store';
import { useRequestLinks } from '../requests/request-queries';
import { AddEvidence } from './AddEvidence';
import { AddWrittenEvidence } from './AddWrittenEvidence';
import { useAddEvidence } from './add-evidence';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EvidenceFilters, activeFilterCount } from './EvidenceFilters';
import { type EvidenceFilters as Filters, useEvidencePages } from './evidence-queries';
import { EvidenceTable } from './EvidenceTable';

/** The query parameter naming the item whose drawer is open (routes.ts `evidence`). */
export const EVIDENCE_PARAM = 'evidence';

/**
 * The evidence vault: the files, populations, links and notes that show each control operating, with the
 * dates they are evidence for, their links and their review. Files dropped on the tab are added.
 */
export function EvidenceView() {
  const [params, setParams] = useSearchParams();
  const openId = params.get(EVIDENCE_PARAM);
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<EvidenceSort>(DEFAULT_EVIDENCE_SORT);
  const [debounced] = useDebouncedValue(filters, 150);
  const { pages, loadMore, rows, total } = useEvidencePages(debounced, sort);
  const { data, hasNextPage, isFetchingNextPage } = pages;
  const people = usePeople((s) => s.items);
  const { controls } = useRequestLinks();
  const refs = useMemo(() => new Map(controls.map((c) => [c.id, c.ref])), [controls]);

  const open = useCallback(
    (id: string | null) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set(EVIDENCE_PARAM, id);
        else next.delete(EVIDENCE_PARAM);
        return next;
      }),
    [setParams],
  );
  const adder = useAddEvidence((id) => open(id));
  const also = <AddWrittenEvidence onAdded={open} />;

  useEffect(() => {
    if (pages.error) notifyError(pages.error);
  }, [pages.error]);

  const onSort = useCallback(
    (key: EvidenceSort['key']) =>
      setSort((s) =>
        s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' },
      ),
    [],
  );
  const controlRef = useCallback((id: string) => refs.get(id), [refs]);
  const nameOf = useCallback((id: string | null) => personName(people, id), [people]);
  const openRow = useCallback((e: Evidence) => open(e.id), [open]);

  const nothingYet = data !== undefined && total === 0 && activeFilterCount(debounced) === 0;
  return (
    <Stack gap="sm">
      {nothingYet ? (
        <Paper withBorder radius="lg" p="xl" data-testid="empty-state">
          <Stack gap="md" align="center">
            <Text fw={600}>No evidence yet</Text>
            <Text size="sm" c="dimmed" ta="center" maw={560}>
              Evidence shows a control operating: a screenshot of a setting, an export of access
              reviews, a signed policy, a population drawn from the system that triggers the
              control, a link to a ticket, or a note of an inquiry. Drop the files here or choose
              them; then say which controls they are for and the day each was performed — not the
              day you added it.
            </Text>
            <AddEvidence adder={adder} large also={also} />
          </Stack>
        </Paper>
      ) : (
        <>
          <AddEvidence adder={adder} also={also} />
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <EvidenceFilters value={filters} onChange={setFilters} />
            <Text
              size="xs"
              c="dimmed"
              style={{ whiteSpace: 'nowrap' }}
              data-testid="evidence-count"
            >
              {plural(total, 'item')}
            </Text>
          </Group>
          {!data ? (
            <Center py="xl">
              <Loader size="sm" aria-label="Loading the evidence" />
            </Center>
          ) : (
            <EvidenceTable
              rows={rows}
              total={total}
              hasMore={hasNextPage}
              loadingMore={isFetchingNextPage}
              onLoadMore={() => void loadMore()}
              sort={sort}
              onSort={onSort}
              activeId={openId}
              onOpen={openRow}
              controlRef={controlRef}
              personName={nameOf}
              resetKey={`${sort.key}:${sort.dir}:${JSON.stringify(debounced)}`}
            />
          )}
        </>
      )}
      <EvidenceDrawer id={openId} onClose={() => open(null)} onOpen={open} />
    </Stack>
  );
}

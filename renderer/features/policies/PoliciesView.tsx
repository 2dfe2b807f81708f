import { Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBook2, IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PolicySortKey } from '../../../shared/api/policies';
import { notifyError } from '../../app/notify';
import { plural } from '../../components/format';
import { type SortState, nextSort } from '../../components/table/sort';
import { StepEmpty } from '../../components/StepEmpty';
import { personName, usePeople } from '../people/people-store';
import { useToday } from '../vault/today';
import { NewPolicyDialog } from './NewPolicyDialog';
import { PolicyDrawer } from './drawer/PolicyDrawer';
import { type PolicyRow, PolicyTable } from './PolicyTable';
import { useAckGaps, useFindingsByPolicy, usePolicies, usePolicyPages } from './policy-queries';

const BY_TITLE: SortState<PolicySortKey> = { key: 'title', dir: 'asc' };

/** The query parameter naming the open policy ('new': the create dialog). */
export const POLICY_PARAM = 'policy';

/**
 * The policy library (issue D2): every policy of the vault — the ones the scoped controls rest
 * on exist from the start, "Not written" until someone writes them — with its version in force,
 * review date, acknowledgement gaps and consistency warnings. A row opens its drawer.
 */
export function PoliciesView() {
  const [params, setParams] = useSearchParams();
  const target = params.get(POLICY_PARAM);
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [sort, setSort] = useState(BY_TITLE);
  // A pause in typing asks the server, not every key.
  const [needle] = useDebouncedValue(search, 200);
  const { pages, loadMore, rows: shown, total, stale } = usePolicyPages(needle, showArchived, sort);
  const { data, hasNextPage, isFetchingNextPage, error } = pages;
  useEffect(() => {
    if (error) notifyError(error);
  }, [error]);
  // The whole library (read for other screens anyway) gives the counts and the policies whose
  // acknowledgements are read; the table pages its own rows.
  const { items, loaded } = usePolicies(true);
  const people = usePeople((s) => s.items);
  const findings = useFindingsByPolicy();
  const active = useMemo(() => items.filter((p) => !p.archived), [items]);
  const ackGaps = useAckGaps(active);
  const today = useToday();

  const open = useCallback(
    (id: string | null) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set(POLICY_PARAM, id);
        else next.delete(POLICY_PARAM);
        return next;
      }),
    [setParams],
  );

  const rows = useMemo<PolicyRow[]>(
    () =>
      shown.map((policy) => ({
        policy,
        owner: personName(people, policy.ownerId),
        ackGaps: ackGaps.get(policy.id),
        warnings: findings.get(policy.id)?.length ?? 0,
      })),
    [shown, people, ackGaps, findings],
  );

  const archivedCount = items.length - active.length;
  const written = active.filter((p) => p.status !== 'not_written').length;
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => open('new')}>
      New policy
    </Button>
  );

  return (
    <>
      {loaded && active.length === 0 && archivedCount === 0 ? (
        <StepEmpty
          icon={<IconBook2 size={26} stroke={1.5} />}
          title="No policies yet"
          description="Create from a template: Attest ships the usual SOC 2 set, with your company’s name, owners and review cycle filled in and the controls each one supports already linked. Or write one from scratch."
          compact
        />
      ) : null}
      <Stack gap="sm" mt={loaded && active.length === 0 ? 'md' : 0}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <TextInput
              aria-label="Search policies"
              placeholder="Search policies"
              leftSection={<IconSearch size={15} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={260}
            />
            {archivedCount > 0 && (
              <Switch
                label={`Show archived (${archivedCount})`}
                checked={showArchived}
                onChange={(e) => setShowArchived(e.currentTarget.checked)}
              />
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {written} of {plural(active.length, 'policy', 'policies')} written
            </Text>
            {newButton}
          </Group>
        </Group>
        {active.length > 0 || showArchived ? (
          <PolicyTable
            rows={rows}
            sort={sort}
            onSort={(key) => setSort((s) => nextSort(s, key))}
            total={total}
            stale={stale}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            onLoadMore={() => void loadMore()}
            resetKey={`${sort.key}:${sort.dir}:${showArchived}:${needle}`}
            today={today}
            selectedId={target}
            onOpen={(r) => open(r.policy.id)}
            empty={data ? `No policy matches “${needle}”.` : undefined}
          />
        ) : null}
      </Stack>
      <NewPolicyDialog
        opened={target === 'new'}
        onClose={() => open(null)}
        onCreated={(id) => open(id)}
      />
      <PolicyDrawer
        policyId={target && target !== 'new' ? target : null}
        onClose={() => open(null)}
      />
    </>
  );
}

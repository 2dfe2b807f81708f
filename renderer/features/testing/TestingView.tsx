import { Alert, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFlask, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SELF_TEST_LABEL } from '../../../shared/api/self-tests';
import { notifyError } from '../../app/notify';
import { StepEmpty } from '../../components/StepEmpty';
import { type SortState, nextSort } from '../../components/table/sort';
import { activeControls, useScopeControls } from '../scope/scope-queries';
import { ControlTestWorkbench } from './ControlTestWorkbench';
import { SampleSizesView } from './SampleSizesView';
import { type TestingRow, TestingTable } from './TestingTable';
import { type TestingSortKey, useTestingPages, useTestsByControl } from './testing-queries';

/** The query parameter naming the control whose test workbench is open. */
export const CONTROL_PARAM = 'control';
/** The query parameter choosing the controls (default) or the sample-size table (`sizes`). */
export const VIEW_PARAM = 'view';

const BY_REF: SortState<TestingSortKey> = { key: 'ref', dir: 'asc' };

/** The label every self-testing screen carries (issue 18): the auditor draws its own sample. */
export function SelfTestLabel() {
  return (
    <Alert
      variant="light"
      color="gray"
      icon={<IconInfoCircle size={18} aria-hidden />}
      data-testid="self-test-label"
      py="xs"
    >
      <Text size="sm" fw={600}>
        {SELF_TEST_LABEL}
      </Text>
    </Alert>
  );
}

/**
 * Management self-testing (T): every in-scope control with its suggested sample, its last test
 * and its deviations; opening one shows its test workbench (plan, draw, grid, deviations).
 */
export function TestingView() {
  const [params, setParams] = useSearchParams();
  const controlId = params.get(CONTROL_PARAM);
  const showSizes = params.get(VIEW_PARAM) === 'sizes';
  const open = useCallback(
    (id: string | null) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set(CONTROL_PARAM, id);
        else next.delete(CONTROL_PARAM);
        return next;
      }),
    [setParams],
  );
  return (
    <Stack gap="md">
      <SelfTestLabel />
      {!controlId && (
        <SegmentedControl
          aria-label="Testing view"
          data={[
            { value: 'controls', label: 'Controls' },
            { value: 'sizes', label: 'Sample sizes' },
          ]}
          value={showSizes ? 'sizes' : 'controls'}
          onChange={(v) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              if (v === 'sizes') next.set(VIEW_PARAM, 'sizes');
              else next.delete(VIEW_PARAM);
              return next;
            })
          }
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      {controlId ? (
        <ControlTestWorkbench controlId={controlId} onBack={() => open(null)} />
      ) : showSizes ? (
        <SampleSizesView />
      ) : (
        <ControlsToTest onOpen={(id) => open(id)} />
      )}
    </Stack>
  );
}

function ControlsToTest({ onOpen }: { onOpen(id: string): void }) {
  const { controls, loaded } = useScopeControls();
  const { byControl } = useTestsByControl();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState(BY_REF);
  // A pause in typing asks the server, not every key.
  const [needle] = useDebouncedValue(search, 200);
  const { pages, loadMore, rows: shown, total, stale } = useTestingPages(needle, sort);
  const { data, hasNextPage, isFetchingNextPage, error } = pages;
  useEffect(() => {
    if (error) notifyError(error);
  }, [error]);
  // The counts are over every control in use (read for the scope anyway); the table pages its own.
  const active = useMemo(() => activeControls(controls), [controls]);
  const rows = useMemo<TestingRow[]>(
    () => shown.map((control) => ({ control, tests: byControl.get(control.id) ?? [] })),
    [shown, byControl],
  );
  const tested = active.filter((c) => byControl.has(c.id)).length;

  if (loaded && active.length === 0) {
    return (
      <StepEmpty
        icon={<IconFlask size={26} stroke={1.5} />}
        title="No controls in scope yet"
        description="Confirm the scope first: the controls it brings in are the ones you rehearse the auditor's tests on."
        compact
      />
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <TextInput
          aria-label="Search controls"
          placeholder="Search controls"
          leftSection={<IconSearch size={15} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
        <Text size="xs" c="dimmed" data-testid="testing-count">
          {tested} of {active.length} controls self-tested
        </Text>
      </Group>
      {loaded && tested === 0 && (
        <Text size="sm" c="dimmed" data-testid="testing-empty">
          No control has been self-tested yet. Open a control to see the sample its frequency calls
          for, record its population if it needs one, then draw the sample and check each item.
        </Text>
      )}
      <TestingTable
        rows={rows}
        sort={sort}
        onSort={(key) => setSort((s) => nextSort(s, key))}
        total={total}
        stale={stale}
        hasMore={hasNextPage}
        loadingMore={isFetchingNextPage}
        onLoadMore={() => void loadMore()}
        resetKey={`${sort.key}:${sort.dir}:${needle}`}
        onOpen={(r) => onOpen(r.control.id)}
        empty={data ? `No control matches “${needle}”.` : undefined}
      />
    </Stack>
  );
}

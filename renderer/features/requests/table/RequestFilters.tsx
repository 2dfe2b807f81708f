import { Button, Chip, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { AuditRequest } from '../../../../shared/api/requests';
import { OwnerFilter } from '../../../components/OwnerFilter';
import { usePeople } from '../../people/people-store';
import { useRequestTable } from './request-table-store';
import { activeFilterCount } from './table-query';

const waveCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Distinct waves of the list, in a person's order (Wave 2 before Wave 10). */
export function wavesOf(items: readonly AuditRequest[]): string[] {
  const waves = new Set(items.map((r) => r.wave).filter((w): w is string => w !== null));
  return [...waves].sort(waveCollator.compare);
}

/**
 * The filters a consultant sets before a call with the auditor. They stay as left (for the
 * session) when moving to another screen and back. Counts are of the whole list.
 */
export function RequestFilters({ all }: { all: readonly AuditRequest[] }) {
  const filters = useRequestTable((s) => s.filters);
  const setFilter = useRequestTable((s) => s.setFilter);
  const clear = useRequestTable((s) => s.clearFilters);
  const people = usePeople((s) => s.items);
  const waves = useMemo(
    () =>
      wavesOf(all).map((w) => ({ value: w, label: /^(wave|phase)\b/i.test(w) ? w : `Wave ${w}` })),
    [all],
  );
  const counts = useMemo(
    () => ({
      overdue: all.filter((r) => r.overdue).length,
      review: all.filter((r) => r.status === 'ready_for_review').length,
      open: all.filter((r) => r.status !== 'submitted').length,
    }),
    [all],
  );

  return (
    <Group gap="xs" wrap="wrap" data-testid="request-filters">
      <TextInput
        aria-label="Search requests"
        placeholder="Search requests"
        leftSection={<IconSearch size={15} aria-hidden />}
        value={filters.search}
        onChange={(e) => setFilter('search', e.currentTarget.value)}
        w={250}
        size="xs"
      />
      <Chip
        size="xs"
        variant="outline"
        color="red"
        checked={filters.overdue}
        onChange={(v) => setFilter('overdue', v)}
      >
        Overdue · {counts.overdue}
      </Chip>
      <Chip
        size="xs"
        variant="outline"
        checked={filters.waitingForReview}
        onChange={(v) => setFilter('waitingForReview', v)}
      >
        Waiting for review · {counts.review}
      </Chip>
      <Chip
        size="xs"
        variant="outline"
        checked={filters.notSubmitted}
        onChange={(v) => setFilter('notSubmitted', v)}
      >
        Not yet submitted · {counts.open}
      </Chip>
      <OwnerFilter
        people={people}
        value={filters.ownerId}
        onChange={(v) => setFilter('ownerId', v)}
        size="xs"
        w={150}
      />
      <Select
        aria-label="Wave"
        placeholder={waves.length ? 'Any wave' : 'No waves'}
        data={waves}
        value={filters.wave}
        onChange={(v) => setFilter('wave', v)}
        clearable
        size="xs"
        w={116}
        disabled={waves.length === 0}
        comboboxProps={{ withinPortal: true }}
      />
      {activeFilterCount(filters) > 0 && (
        <Button size="compact-xs" variant="subtle" color="gray" onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

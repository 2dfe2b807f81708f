import { Group, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { VaultCriterion } from '../../../../shared/api/controls';
import { CATEGORY_LABELS, type Category } from '../../../../shared/domain/engagement';
import { useScopeView } from './view-store';

/** Filters of the matrix; they stay as set when the user leaves and comes back. */
export function MatrixToolbar({ criteria }: { criteria: readonly VaultCriterion[] }) {
  const filters = useScopeView((s) => s.matrix);
  const set = useScopeView((s) => s.setMatrix);
  const categories = [...new Set(criteria.map((c) => c.category))];
  const groups = [
    ...new Map(
      criteria
        .filter((c) => !filters.category || c.category === filters.category)
        .map((c) => [c.groupId, `${c.groupId} · ${c.groupTitle}`]),
    ),
  ];
  return (
    <Group gap="sm" wrap="nowrap">
      <TextInput
        aria-label="Search criteria and controls"
        placeholder="Search criteria or controls"
        leftSection={<IconSearch size={15} aria-hidden />}
        value={filters.search}
        onChange={(e) => set({ search: e.currentTarget.value })}
        w={240}
      />
      <Select
        aria-label="Category"
        placeholder="All categories"
        data={categories.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        value={filters.category}
        onChange={(v) => set({ category: v as Category | null, group: null })}
        clearable
        w={170}
      />
      <Select
        aria-label="Group"
        placeholder="All groups"
        data={groups.map(([value, label]) => ({ value, label }))}
        value={filters.group}
        onChange={(v) => set({ group: v })}
        clearable
        searchable
        w={230}
        comboboxProps={{ width: 320, position: 'bottom-start' }}
      />
      <Switch
        label="Not mapped only"
        checked={filters.unmappedOnly}
        onChange={(e) => set({ unmappedOnly: e.currentTarget.checked })}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      />
    </Group>
  );
}

import { Group, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { DOMAINS, DOMAIN_LABELS, type Domain } from '../../../../shared/domain/catalog';
import { useScopeView } from './view-store';

/** Search, domain and archived filters of the controls table; they stay as set. */
export function ControlsToolbar({ domains }: { domains: readonly Domain[] }) {
  const filters = useScopeView((s) => s.controls);
  const set = useScopeView((s) => s.setControls);
  return (
    <Group gap="sm" wrap="nowrap">
      <TextInput
        aria-label="Search controls"
        placeholder="Search ref, title, owner or criterion"
        leftSection={<IconSearch size={15} aria-hidden />}
        value={filters.search}
        onChange={(e) => set({ search: e.currentTarget.value })}
        w={280}
      />
      <Select
        aria-label="Domain"
        placeholder="All domains"
        data={DOMAINS.filter((d) => domains.includes(d)).map((d) => ({
          value: d,
          label: DOMAIN_LABELS[d],
        }))}
        value={filters.domain}
        onChange={(v) => set({ domain: v as Domain | null })}
        clearable
        w={220}
      />
      <Switch
        label="Show archived"
        checked={filters.showArchived}
        onChange={(e) => set({ showArchived: e.currentTarget.checked })}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      />
    </Group>
  );
}

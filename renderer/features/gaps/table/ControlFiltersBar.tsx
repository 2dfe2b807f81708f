import { Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { DOMAINS, DOMAIN_LABELS, type Domain } from '../../../../shared/domain/catalog';
import { OwnerFilter } from '../../../components/OwnerFilter';
import { usePeople } from '../../people/people-store';
import { ASSESSMENT_LABEL, type AssessmentState } from '../labels';
import { activeFilterCount, useControlTable } from './control-filters';

const STATUS_OPTIONS = (
  ['not_assessed', 'implemented', 'partial', 'not_implemented', 'not_applicable'] as const
).map((s) => ({ value: s, label: ASSESSMENT_LABEL[s] }));

const DOMAIN_OPTIONS = DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }));

/** The table's filters; they stay as they are while the user works elsewhere. */
export function ControlFiltersBar() {
  const filters = useControlTable((s) => s.filters);
  const setFilter = useControlTable((s) => s.setFilter);
  const clear = useControlTable((s) => s.clearFilters);
  const people = usePeople((s) => s.items);
  return (
    <Group gap="xs" wrap="wrap" data-testid="control-filters">
      <TextInput
        aria-label="Search controls"
        placeholder="Search ref, title, owner or criterion"
        leftSection={<IconSearch size={15} aria-hidden />}
        value={filters.search}
        onChange={(e) => setFilter('search', e.currentTarget.value)}
        w={260}
      />
      <Select
        aria-label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={filters.status}
        onChange={(v) => setFilter('status', v as AssessmentState | null)}
        clearable
        w={190}
      />
      <Select
        aria-label="Domain"
        placeholder="Any domain"
        data={DOMAIN_OPTIONS}
        value={filters.domain}
        onChange={(v) => setFilter('domain', v as Domain | null)}
        clearable
        searchable
        w={200}
      />
      <OwnerFilter
        people={people}
        value={filters.owner}
        onChange={(v) => setFilter('owner', v)}
        noOwnerOption
        w={180}
      />
      <Switch
        label="Warnings only"
        checked={filters.warningsOnly}
        onChange={(e) => setFilter('warningsOnly', e.currentTarget.checked)}
        ml="xs"
      />
      {activeFilterCount(filters) > 0 && (
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          leftSection={<IconX size={14} />}
          onClick={clear}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}

import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import type { PersonOption } from './PersonSelect';
import { NO_OWNER } from './owner-filter';

/**
 * A table's "Any owner" filter: one person from the directory (active people, plus the one
 * chosen if archived since) or, with `noOwnerOption`, the records that have no owner.
 */
export function OwnerFilter(
  props: {
    people: readonly Pick<PersonOption, 'id' | 'name' | 'archived'>[];
    value: string | null;
    onChange(value: string | null): void;
    noOwnerOption?: boolean;
  } & Omit<SelectProps, 'data' | 'value' | 'onChange'>,
) {
  const { people, value, onChange, noOwnerOption, ...rest } = props;
  const data = useMemo(
    () => [
      ...(noOwnerOption ? [{ value: NO_OWNER, label: 'No owner' }] : []),
      ...people
        .filter((p) => !p.archived || p.id === value)
        .map((p) => ({ value: p.id, label: p.name })),
    ],
    [people, value, noOwnerOption],
  );
  return (
    <Select
      aria-label="Owner"
      placeholder="Any owner"
      clearable
      searchable
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
    />
  );
}

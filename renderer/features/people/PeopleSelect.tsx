import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { choosablePeople, usePeople } from './people-store';

/** Chooses a person from the directory: the one picker used wherever a person is named. */
export function PeopleSelect(
  props: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
    value: string | null;
    onChange(id: string | null): void;
  },
) {
  const { value, onChange, ...rest } = props;
  const items = usePeople((s) => s.items);
  const data = useMemo(
    () =>
      choosablePeople(items, value).map((p) => ({
        value: p.id,
        label: p.archived ? `${p.name} (archived)` : p.name,
      })),
    [items, value],
  );
  return (
    <Select
      searchable
      clearable
      placeholder="Choose a person"
      nothingFoundMessage="No one by that name. Add people on the People screen."
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
    />
  );
}

import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';

export interface PersonOption {
  id: string;
  name: string;
  role: string;
}

/**
 * Choose one person from the directory (owner, performer, reviewer…). Presentational: the
 * caller passes the people and saves the choice. Someone no longer listed (archived) still
 * shows, so a saved choice never reads as empty.
 */
export function PersonSelect(
  props: {
    people: readonly PersonOption[];
    value: string | null;
    onChange(id: string | null): void;
  } & Omit<SelectProps, 'data' | 'value' | 'onChange'>,
) {
  const { people, value, onChange, ...rest } = props;
  const data = useMemo(() => {
    const options = people.map((p) => ({
      value: p.id,
      label: p.role ? `${p.name} · ${p.role}` : p.name,
    }));
    if (value && !people.some((p) => p.id === value))
      options.push({ value, label: 'Someone no longer in the directory' });
    return options;
  }, [people, value]);
  return (
    <Select
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      searchable
      clearable
      placeholder="Nobody yet"
      nothingFoundMessage="No one by that name. Add people on the People screen."
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';

export interface PersonOption {
  id: string;
  name: string;
  role: string;
  archived: boolean;
}

/** "Maya Okafor · CTO", and "(archived)" for someone no longer active. */
export function personLabel(p: PersonOption): string {
  const name = p.role ? `${p.name} · ${p.role}` : p.name;
  return p.archived ? `${name} (archived)` : name;
}

/**
 * Chooses one person from the directory (owner, performer, reviewer…): the one picker used
 * wherever a person is named. Presentational: the caller passes the directory (archived people
 * too) and saves the choice. Only active people are offered; someone archived since they were
 * chosen still shows, so a saved choice never reads as empty.
 */
export function PersonSelect(
  props: {
    people: readonly PersonOption[];
    value: string | null;
    onChange(id: string | null): void;
  } & Omit<SelectProps, 'data' | 'value' | 'onChange'>,
) {
  const { people, value, onChange, ...rest } = props;
  const data = useMemo(
    () =>
      people
        .filter((p) => !p.archived || p.id === value)
        .map((p) => ({ value: p.id, label: personLabel(p) })),
    [people, value],
  );
  return (
    <Select
      searchable
      clearable
      placeholder="Nobody yet"
      nothingFoundMessage="No one by that name. Add people on the People screen."
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
    />
  );
}

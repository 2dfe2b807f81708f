import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useMemo } from 'react';

/** Chooses controls by reference or title ("AC-04 Approved access requests"). */
export function ControlsMultiSelect(
  props: {
    controls: readonly { id: string; ref: string; title: string }[];
    value: string[];
    onChange(ids: string[]): void;
  } & Omit<MultiSelectProps, 'data' | 'value' | 'onChange'>,
) {
  const { controls, value, onChange, ...rest } = props;
  const data = useMemo(
    () => controls.map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` })),
    [controls],
  );
  return (
    <MultiSelect
      searchable
      clearable
      hidePickedOptions
      placeholder={value.length ? undefined : 'Search controls'}
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
    />
  );
}

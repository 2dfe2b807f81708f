import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { policyOptions, usePolicies } from './policy-options';

/** The policy a control rests on: one of the catalog's policy templates, searchable by title or key. */
export function PolicySelect(
  props: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
    value: string | null;
    onChange(key: string | null): void;
  },
) {
  const { value, onChange, ...rest } = props;
  const { items, loaded } = usePolicies();
  const data = useMemo(() => policyOptions(items, value), [items, value]);
  return (
    <Select
      searchable
      placeholder={loaded ? 'Choose a policy' : 'Loading policies…'}
      nothingFoundMessage="No policy matches"
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      // Mantine hides its clear button from the keyboard and screen readers; this one is named.
      clearButtonProps={{ 'aria-label': 'Clear the policy', 'aria-hidden': false, tabIndex: 0 }}
      {...rest}
      data={data}
      value={value}
      onChange={(key) => onChange(key)}
    />
  );
}

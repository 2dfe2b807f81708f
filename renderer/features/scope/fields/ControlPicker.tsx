import { MultiSelect, type MultiSelectProps, Pill, Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import type { Control } from '../../../../shared/api/controls';
import { useScopeControls } from '../scope-queries';

function useControlOptions(chosen: readonly string[]) {
  const { controls } = useScopeControls();
  return useMemo(
    () =>
      controls
        .filter((c: Control) => !c.archived || chosen.includes(c.id))
        .map((c) => ({
          value: c.id,
          label: `${c.ref} ${c.title}${c.archived ? ' (archived)' : ''}`,
        })),
    [controls, chosen],
  );
}

function refOf(controls: readonly Control[], id: string): string {
  return controls.find((c) => c.id === id)?.ref ?? id;
}

/** One of our controls, searchable by reference or title. */
export function ControlSelect(
  props: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
    value: string | null;
    onChange(id: string | null): void;
  },
) {
  const { value, onChange, ...rest } = props;
  const chosen = useMemo(() => (value ? [value] : []), [value]);
  const data = useControlOptions(chosen);
  return (
    <Select
      searchable
      clearable
      placeholder="Choose a control"
      nothingFoundMessage="No control matches"
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
    />
  );
}

/** Several of our controls; pills show their references. */
export function ControlsMultiSelect(
  props: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
    value: string[];
    onChange(ids: string[]): void;
  },
) {
  const { value, onChange, ...rest } = props;
  const data = useControlOptions(value);
  const { controls } = useScopeControls();
  return (
    <MultiSelect
      searchable
      maxDropdownHeight={280}
      nothingFoundMessage="No control matches"
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      renderPill={({ value: id, onRemove, disabled }) => (
        <Pill key={id} withRemoveButton={!disabled} onRemove={onRemove} className="attest-mono">
          {refOf(controls, id ?? '')}
        </Pill>
      )}
    />
  );
}

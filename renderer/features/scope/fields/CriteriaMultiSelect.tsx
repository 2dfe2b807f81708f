import { MultiSelect, type MultiSelectProps, Pill } from '@mantine/core';
import { useMemo } from 'react';
import type { VaultCriterion } from '../../../../shared/api/controls';
import { useScopeCriteria } from '../scope-queries';
import { criteriaOptions } from './criteria-options';

/**
 * Chooses criteria from those in scope (or from `within`), searchable by id or title. Pills show
 * the reference only, in monospace, so a long list stays readable.
 */
export function CriteriaMultiSelect(
  props: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
    value: string[];
    onChange(ids: string[]): void;
    /** Only these criteria ids may be chosen (e.g. an organisation's own). */
    within?: readonly string[];
  },
) {
  const { value, onChange, within, ...rest } = props;
  const { criteria: inScope } = useScopeCriteria();
  const data = useMemo(() => {
    const allowed = within ? new Set(within) : null;
    const list: VaultCriterion[] = inScope.filter((c) => !allowed || allowed.has(c.id));
    return criteriaOptions(list);
  }, [inScope, within]);
  return (
    <MultiSelect
      searchable
      clearable={false}
      hidePickedOptions={false}
      maxDropdownHeight={280}
      nothingFoundMessage="No criterion in scope matches"
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      renderPill={({ value: id, onRemove, disabled }) => (
        <Pill
          key={id}
          withRemoveButton={!disabled}
          onRemove={onRemove}
          className="attest-mono"
          data-testid="criterion-pill"
        >
          {id}
        </Pill>
      )}
    />
  );
}

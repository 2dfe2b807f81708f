import { Pill, TagsInput, type TagsInputProps } from '@mantine/core';
import { useMemo } from 'react';
import { normaliseCriterionId } from '../../../../shared/domain/catalog';
import { useScopeCriteria } from '../scope-queries';

/**
 * Criteria typed or picked: any spelling people use ("cc6.1", "CC 6.1") becomes the canonical
 * id; anything else is kept as typed so Attest's own answer says what is wrong with it.
 */
export function CriteriaTagsInput(
  props: Omit<TagsInputProps, 'data' | 'value' | 'onChange'> & {
    value: string[];
    onChange(ids: string[]): void;
  },
) {
  const { value, onChange, ...rest } = props;
  const { criteria } = useScopeCriteria();
  const data = useMemo(
    () => criteria.map((c) => ({ value: c.id, label: `${c.id} — ${c.title}` })),
    [criteria],
  );
  return (
    <TagsInput
      maxDropdownHeight={260}
      comboboxProps={{ withinPortal: true }}
      splitChars={[',', ';']}
      {...rest}
      data={data}
      value={value}
      onChange={(tags) =>
        onChange([...new Set(tags.map((t) => normaliseCriterionId(t) ?? t.trim()).filter(Boolean))])
      }
      renderPill={({ value: id, onRemove, disabled }) => (
        <Pill key={id} withRemoveButton={!disabled} onRemove={onRemove} className="attest-mono">
          {id}
        </Pill>
      )}
    />
  );
}

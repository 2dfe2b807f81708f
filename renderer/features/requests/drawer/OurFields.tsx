import { MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { AuditRequest, RequestPatch } from '../../../../shared/api/requests';
import { REQUEST_TYPES, type RequestType } from '../../../../shared/domain/requests';
import { toApiCallError } from '../../../api';
import { notifyError } from '../../../app/notify';
import { type FieldErrors, fieldErrorsFrom } from '../../../components/field-errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { usePeople } from '../../people/people-store';
import { REQUEST_TYPE_LABELS } from '../labels';
import { useRequestActions } from '../request-actions';
import { controlRefs, useRequestLinks } from '../request-queries';
import './drawer.css';
import { DateField } from '../../../components/DateField';
import { requestPatch } from '../../../../shared/api/requests';
import { limitHint, maxLengthOf } from '../../../components/form/limits';

const refOrder = new Intl.Collator(undefined, { numeric: true });

const TYPE_OPTIONS = REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }));

/**
 * Our fields of a request, each saved as it is changed (there is no Save button). A refusal
 * (the reviewer may not be the owner) shows under its field and the field goes back.
 */
export function OurFields(props: { request: AuditRequest }) {
  const r = props.request;
  const [errors, setErrors] = useState<FieldErrors>({});
  const { criteria, controls } = useRequestLinks();
  const { update } = useRequestActions();
  const people = usePeople((s) => s.items);
  const criteriaOptions = useMemo(() => {
    const known = criteria.map((c) => ({ value: c.id, label: `${c.id} ${c.title}` }));
    // A criterion the vault does not list (typed by the auditor) still shows as chosen.
    const extra = r.criteria.filter((id) => !criteria.some((c) => c.id === id));
    return [...known, ...extra.map((id) => ({ value: id, label: id }))];
  }, [criteria, r.criteria]);
  const controlOptions = useMemo(
    () => controls.map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` })),
    [controls],
  );

  const save = async (patch: RequestPatch) => {
    const field = Object.keys(patch)[0]!;
    setErrors((e) => ({ ...e, [field]: '' }));
    try {
      await update(r.id, patch);
    } catch (e) {
      const error = toApiCallError(e);
      const fields = fieldErrorsFrom(error.issues, ['patch']);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else notifyError(error);
    }
  };

  const via = controlRefs(
    controls,
    r.controlIdsViaCriteria.filter((id) => !r.controlIds.includes(id)),
  ).sort(refOrder.compare);

  return (
    <Stack gap="sm" data-testid="request-fields">
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <PersonSelect
          label="Owner"
          people={people}
          value={r.ownerId}
          onChange={(id) => void save({ ownerId: id })}
          error={errors.ownerId || undefined}
          placeholder={r.ownerText ? `“${r.ownerText}” is not in People` : 'Nobody yet'}
          size="xs"
          data-testid="request-owner"
        />
        <PersonSelect
          label="Internal reviewer"
          people={people}
          value={r.reviewerId}
          onChange={(id) => void save({ reviewerId: id })}
          error={errors.reviewerId || undefined}
          placeholder="Nobody yet"
          size="xs"
          data-testid="request-reviewer"
        />
        <Select
          label="Type"
          data={TYPE_OPTIONS}
          value={r.type}
          onChange={(v) => void save({ type: (v as RequestType | null) ?? null })}
          placeholder="Not set"
          clearable
          size="xs"
          error={errors.type || undefined}
          comboboxProps={{ withinPortal: true }}
        />
        <TextBlurField
          label="Wave"
          maxLength={maxLengthOf(requestPatch, 'wave') ?? undefined}
          value={r.wave ?? ''}
          onSave={(v) => void save({ wave: v.trim() || null })}
          error={errors.wave}
        />
        <DateField
          label="Due"
          size="xs"
          value={r.dueOn}
          onChange={(iso) => {
            if ((iso || null) !== r.dueOn) void save({ dueOn: iso || null });
          }}
          error={errors.dueOn}
        />
      </SimpleGrid>
      <MultiSelect
        label="Criteria"
        data={criteriaOptions}
        value={r.criteria}
        onChange={(ids) => void save({ criteria: ids })}
        searchable
        clearable
        hidePickedOptions
        size="xs"
        placeholder={r.criteria.length ? undefined : 'Search criteria, e.g. CC6.1'}
        error={errors.criteria || undefined}
        classNames={{ pill: 'attest-mono' }}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label="Controls"
        data={controlOptions}
        value={r.controlIds.filter((id) => controls.some((c) => c.id === id))}
        onChange={(ids) => void save({ controlIds: ids })}
        searchable
        clearable
        hidePickedOptions
        size="xs"
        placeholder={r.controlIds.length ? undefined : 'Search controls'}
        error={errors.controlIds || undefined}
        classNames={{ pill: 'attest-mono' }}
        comboboxProps={{ withinPortal: true }}
      />
      {via.length > 0 && (
        <Text size="xs" c="dimmed">
          Also answered through its criteria:{' '}
          {via.map((ref, i) => (
            <span key={ref} className="attest-mono attest-nowrap">
              {ref}
              {i < via.length - 1 ? ', ' : ''}
            </span>
          ))}
        </Text>
      )}
    </Stack>
  );
}

/** A text field saved when left (or on Enter), not on every key. */
function TextBlurField(props: {
  label: string;
  value: string;
  type?: string;
  error?: string;
  maxLength?: number | undefined;
  onSave(value: string): void;
}) {
  const [draft, setDraft] = useState(props.value);
  const [from, setFrom] = useState(props.value);
  // The saved value changed elsewhere (a re-import, the contract's answer): show it.
  if (props.value !== from) {
    setFrom(props.value);
    setDraft(props.value);
  }
  const commit = () => {
    if (draft !== props.value) props.onSave(draft);
  };
  return (
    <TextInput
      label={props.label}
      type={props.type}
      value={draft}
      maxLength={props.maxLength}
      description={limitHint(draft, props.maxLength)}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      size="xs"
      error={props.error || undefined}
    />
  );
}

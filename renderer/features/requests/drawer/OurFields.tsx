import { MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type AuditRequest, requestPatch } from '../../../../shared/api/requests';
import { REQUEST_TYPES, type RequestType } from '../../../../shared/domain/requests';
import { PersonSelect } from '../../../components/PersonSelect';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { usePeople } from '../../people/people-store';
import { REQUEST_TYPE_LABELS } from '../labels';
import { useRequestActions } from '../request-actions';
import { controlRefs, useRequestLinks } from '../request-queries';
import './drawer.css';
import { DateField } from '../../../components/DateField';

const refOrder = new Intl.Collator(undefined, { numeric: true });

const TYPE_OPTIONS = REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }));

/** Our side of a request as its form holds it: no wave or due date is ''. */
type OurValues = {
  ownerId: string | null;
  reviewerId: string | null;
  type: RequestType | null;
  wave: string;
  dueOn: string;
  criteria: string[];
  controlIds: string[];
};

const ourValues = (r: AuditRequest): OurValues => ({
  ownerId: r.ownerId,
  reviewerId: r.reviewerId,
  type: r.type,
  wave: r.wave ?? '',
  dueOn: r.dueOn ?? '',
  criteria: r.criteria,
  controlIds: r.controlIds,
});

const LABELS: Record<keyof OurValues, string> = {
  ownerId: 'Owner',
  reviewerId: 'Internal reviewer',
  type: 'Type',
  wave: 'Wave',
  dueOn: 'Due',
  criteria: 'Criteria',
  controlIds: 'Controls',
};

/**
 * Our fields of a request, each saved as it is changed (UX.md's one save model: no Save
 * button, Undo on the toast). A refusal (the reviewer may not be the owner) shows under its
 * field; a change made elsewhere (a re-import, a status step) shows in every field not being
 * edited.
 */
export function OurFields(props: { request: AuditRequest }) {
  const r = props.request;
  const { criteria, controls } = useRequestLinks();
  const { update } = useRequestActions();
  const people = usePeople((s) => s.items);
  const [initial] = useState(() => ourValues(r));
  /** The request as this form last saved it: its re-read needs no second `adopt`. */
  const lastSaved = useRef<string | null>(null);
  const { form, values, field, change, counter, adopt, flush } = useAutosaveForm<
    OurValues,
    AuditRequest
  >({
    values: initial,
    patchSchema: requestPatch,
    labels: LABELS,
    toInput: (name, value) => (name === 'wave' || name === 'dueOn' ? value || null : value),
    saveField: (name, value) => update(r.id, { [name]: value }),
    onSaved: (saved) => {
      lastSaved.current = saved.updatedAt;
      adopt(ourValues(saved));
    },
  });
  useEffect(() => {
    if (r.updatedAt !== lastSaved.current) adopt(ourValues(r));
  }, [r, adopt]);

  const criteriaOptions = useMemo(() => {
    const known = criteria.map((c) => ({ value: c.id, label: `${c.id} ${c.title}` }));
    // A criterion the vault does not list (typed by the auditor) still shows as chosen.
    const extra = values.criteria.filter((id) => !criteria.some((c) => c.id === id));
    return [...known, ...extra.map((id) => ({ value: id, label: id }))];
  }, [criteria, values.criteria]);
  const controlOptions = useMemo(
    () => controls.map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` })),
    [controls],
  );
  const error = (name: keyof OurValues) => form.errors[name] || undefined;

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
          value={values.ownerId}
          onChange={(id) => change('ownerId', id, true)}
          error={error('ownerId')}
          placeholder={r.ownerText ? `“${r.ownerText}” is not in People` : 'Nobody yet'}
          size="xs"
          data-testid="request-owner"
        />
        <PersonSelect
          label="Internal reviewer"
          people={people}
          value={values.reviewerId}
          onChange={(id) => change('reviewerId', id, true)}
          error={error('reviewerId')}
          placeholder="Nobody yet"
          size="xs"
          data-testid="request-reviewer"
        />
        <Select
          label="Type"
          data={TYPE_OPTIONS}
          value={values.type}
          onChange={(v) => change('type', (v as RequestType | null) ?? null, true)}
          placeholder="Not set"
          clearable
          size="xs"
          error={error('type')}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Wave"
          size="xs"
          {...field('wave')}
          error={error('wave')}
          description={counter('wave')}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void flush();
          }}
        />
        <DateField
          label="Due"
          size="xs"
          value={values.dueOn}
          onChange={(iso) => change('dueOn', iso, true)}
          error={error('dueOn')}
        />
      </SimpleGrid>
      <MultiSelect
        label="Criteria"
        data={criteriaOptions}
        value={values.criteria}
        onChange={(ids) => change('criteria', ids)}
        searchable
        clearable
        hidePickedOptions
        size="xs"
        placeholder={values.criteria.length ? undefined : 'Search criteria, e.g. CC6.1'}
        error={error('criteria')}
        classNames={{ pill: 'attest-mono' }}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label="Controls"
        data={controlOptions}
        value={values.controlIds.filter((id) => controls.some((c) => c.id === id))}
        onChange={(ids) => change('controlIds', ids)}
        searchable
        clearable
        hidePickedOptions
        size="xs"
        placeholder={values.controlIds.length ? undefined : 'Search controls'}
        error={error('controlIds')}
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

import { Button, Group, Select, Switch } from '@mantine/core';
import { EVIDENCE_KINDS, WINDOW_STATUSES } from '../../../shared/api/evidence';
import { PersonSelect } from '../../components/PersonSelect';
import { usePeople } from '../people/people-store';
import { useRequestLinks } from '../requests/request-queries';
import type { EvidenceFilters as Filters } from './evidence-queries';
import { KIND_LABEL, WINDOW_LABEL } from './labels';

/** Count of the filters set (for "Clear filters"). */
export function activeFilterCount(f: Filters): number {
  // "Not reviewed" is `reviewed: false`, a filter; "superseded too" switched off is none.
  return Object.entries(f).filter(([key, v]) =>
    key === 'includeSuperseded' ? v === true : v !== undefined,
  ).length;
}

/** The filters of the evidence table; the server applies them in SQL. */
export function EvidenceFilters(props: { value: Filters; onChange(next: Filters): void }) {
  const { value: f, onChange } = props;
  const { controls, criteria } = useRequestLinks();
  const people = usePeople((s) => s.items);
  const set = <K extends keyof Filters>(key: K, v: Filters[K] | null) =>
    onChange({ ...f, [key]: v ?? undefined });
  return (
    <Group gap="xs" wrap="wrap" data-testid="evidence-filters">
      <Select
        size="xs"
        w={200}
        aria-label="Control"
        placeholder="Any control"
        searchable
        clearable
        data={controls.map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` }))}
        value={f.controlId ?? null}
        onChange={(v) => set('controlId', v)}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        size="xs"
        w={160}
        aria-label="Criterion"
        placeholder="Any criterion"
        searchable
        clearable
        data={criteria.map((c) => ({ value: c.id, label: `${c.id} ${c.title}` }))}
        value={f.criterionId ?? null}
        onChange={(v) => set('criterionId', v as Filters['criterionId'])}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        size="xs"
        w={130}
        aria-label="Type"
        placeholder="Any type"
        clearable
        data={EVIDENCE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
        value={f.kind ?? null}
        onChange={(v) => set('kind', v as Filters['kind'])}
      />
      <Select
        size="xs"
        w={180}
        aria-label="Dates"
        placeholder="Any dates"
        clearable
        data={WINDOW_STATUSES.map((s) => ({ value: s, label: WINDOW_LABEL[s] }))}
        value={f.windowStatus ?? null}
        onChange={(v) => set('windowStatus', v as Filters['windowStatus'])}
      />
      <Select
        size="xs"
        w={150}
        aria-label="Review"
        placeholder="Reviewed or not"
        clearable
        data={[
          { value: 'no', label: 'Not reviewed' },
          { value: 'yes', label: 'Reviewed' },
        ]}
        value={f.reviewed === undefined ? null : f.reviewed ? 'yes' : 'no'}
        onChange={(v) => set('reviewed', v === null ? undefined : v === 'yes')}
      />
      <PersonSelect
        size="xs"
        w={180}
        aria-label="Reviewer"
        placeholder="Any reviewer"
        people={people}
        value={f.reviewerId ?? null}
        onChange={(id) => set('reviewerId', id)}
      />
      <Switch
        size="xs"
        label="Superseded too"
        checked={f.includeSuperseded ?? false}
        onChange={(e) => set('includeSuperseded', e.currentTarget.checked)}
      />
      {activeFilterCount(f) > 0 && (
        <Button size="xs" variant="subtle" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

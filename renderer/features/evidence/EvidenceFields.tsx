import { SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type EvidenceDetail, evidencePatch } from '../../../shared/api/evidence';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';
import { PersonSelect } from '../../components/PersonSelect';
import { useAutosaveForm } from '../../components/form/use-autosave-form';
import { usePeople } from '../people/people-store';
import { DateField } from '../../components/DateField';

interface MetaValues extends Record<string, unknown> {
  title: string;
  performedOn: string;
  collectedOn: string;
  source: string;
  collectorId: string | null;
  notes: string;
}

const LABELS: Record<keyof MetaValues & string, string> = {
  title: 'Title',
  performedOn: 'Date performed',
  collectedOn: 'Date collected',
  source: 'Source',
  collectorId: 'Collector',
  notes: 'Notes',
};

const NULL_WHEN_EMPTY = new Set(['performedOn', 'collectedOn', 'source', 'collectorId']);

/**
 * An item's own facts, each saved as it is typed: what it is, the day the control was performed
 * (never the upload date), what it is evidence for (one date or a window), when and by whom it
 * was collected, where from, notes.
 */
export function EvidenceFields({ item }: { item: EvidenceDetail }) {
  const api = useApi();
  const people = usePeople((s) => s.items);
  const { field, counter } = useAutosaveForm<MetaValues, unknown>({
    values: {
      title: item.title,
      performedOn: item.performedOn ?? '',
      collectedOn: item.collectedOn ?? '',
      source: item.source ?? '',
      collectorId: item.collectorId,
      notes: item.notes,
    },
    patchSchema: evidencePatch,
    labels: LABELS,
    toInput: (name, value) => (NULL_WHEN_EMPTY.has(name) && !value ? null : value),
    saveField: (name, value) =>
      api.call('evidence.update', { id: item.id, patch: { [name]: value } }),
  });
  const collector = field('collectorId');
  return (
    <Stack gap="md" data-testid="evidence-fields">
      <TextInput label="Title" required {...field('title')} description={counter('title')} />
      <SimpleGrid cols={2} spacing="md">
        <DateField
          label="Date performed"
          description="The day the control was carried out"
          {...field('performedOn')}
        />
        <DateField
          label="Date collected"
          description={
            item.kind === 'link' || item.kind === 'note'
              ? 'When it was recorded'
              : 'When the file was taken from its system'
          }
          {...field('collectedOn')}
        />
      </SimpleGrid>
      <Coverage item={item} />
      <SimpleGrid cols={2} spacing="md">
        <TextInput label="Source" placeholder="e.g. Okta admin console" {...field('source')} />
        <PersonSelect
          label="Collected by"
          people={people}
          value={collector.value}
          onChange={(id) => collector.onChange(id)}
        />
      </SimpleGrid>
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        maxRows={8}
        {...field('notes')}
        description={counter('notes')}
      />
    </Stack>
  );
}

type Mode = 'none' | 'asOf' | 'window';

/**
 * What the item is evidence for: one date (a setting as of a day) or a window (a quarter's
 * access review). Saved once the dates given make sense together.
 */
function Coverage({ item }: { item: EvidenceDetail }) {
  const api = useApi();
  const [mode, setMode] = useState<Mode>(item.window ? 'window' : item.asOf ? 'asOf' : 'none');
  const [asOf, setAsOf] = useState(item.asOf ?? '');
  const [start, setStart] = useState(item.window?.start ?? '');
  const [end, setEnd] = useState(item.window?.end ?? '');
  const [error, setError] = useState<string | null>(null);

  const save = (next: { mode: Mode; asOf: string; start: string; end: string }) => {
    setError(null);
    let coverage;
    if (next.mode === 'none') coverage = null;
    else if (next.mode === 'asOf') {
      if (!next.asOf) return;
      coverage = { asOf: next.asOf };
    } else {
      if (!next.start || !next.end) return;
      if (next.end < next.start) {
        setError('The window must not end before it starts');
        return;
      }
      coverage = { window: { start: next.start, end: next.end } };
    }
    api.call('evidence.update', { id: item.id, patch: { coverage } }).catch(notifyError);
  };
  const state = { mode, asOf, start, end };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="evidence-coverage-label">
        Evidence for
        <Text span size="xs" c="dimmed" ml={8}>
          The day or the window the item shows — not the day it was added
        </Text>
      </Text>
      <SegmentedControl
        size="xs"
        w="fit-content"
        aria-labelledby="evidence-coverage-label"
        data={[
          { value: 'none', label: 'Not dated' },
          { value: 'asOf', label: 'One date' },
          { value: 'window', label: 'A window' },
        ]}
        value={mode}
        onChange={(v) => {
          setMode(v as Mode);
          save({ ...state, mode: v as Mode });
        }}
      />
      {mode === 'asOf' && (
        <DateField
          label="Evidence as of"
          description="The day the evidence shows things as they were"
          value={asOf}
          onChange={(day) => {
            setAsOf(day);
            save({ ...state, asOf: day });
          }}
        />
      )}
      {mode === 'window' && (
        <SimpleGrid cols={2} spacing="md">
          <DateField
            label="Evidence for, from"
            value={start}
            onChange={(day) => {
              setStart(day);
              save({ ...state, start: day });
            }}
          />
          <DateField
            label="to"
            value={end}
            error={error}
            min={start}
            onChange={(day) => {
              setEnd(day);
              save({ ...state, end: day });
            }}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

import {
  Alert,
  Button,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { EvidenceDetail, Population } from '../../../shared/api/evidence';
import { JobProgressLine } from '../../components/JobProgressLine';
import { Facts } from '../../components/Facts';
import { formatDate } from '../../components/format';
import { useJob } from '../../api/use-job';
import { notifySuccess } from '../../app/notify';
import { useVaultQuery } from '../vault/use-vault-query';
import { DateField } from '../../components/DateField';

const SPREADSHEET = /\.(csv|xlsx)$/i;

/**
 * A population: a CSV or XLSX drawn from the system that triggers the control, with how it was
 * drawn (the query, its parameters, when it ran — its completeness and accuracy evidence) and
 * the column dating each row. Attest counts the rows and those dated outside the window.
 */
export function EvidencePopulation({ item }: { item: EvidenceDetail }) {
  if (item.population) return <PopulationSummary population={item.population} />;
  if (!hasPopulation(item)) return null;
  return <RecordPopulation item={item} />;
}

/** A population already, or a spreadsheet that could be recorded as one. */
export function hasPopulation(item: EvidenceDetail): boolean {
  return item.population !== null || (item.file !== null && SPREADSHEET.test(item.file.name));
}

function PopulationSummary({ population: p }: { population: Population }) {
  const empty = p.rowCount === 0;
  return (
    <Stack gap="xs" data-testid="population-summary">
      <Facts
        items={[
          { label: 'Rows', value: p.rowCount.toLocaleString() },
          {
            label: 'Outside the window',
            value: p.dateColumn ? p.rowsOutside.toLocaleString() : 'Not checked',
          },
          { label: 'Window', value: `${formatDate(p.window.start)} – ${formatDate(p.window.end)}` },
          { label: 'Drawn from', value: p.sourceSystem },
          { label: 'Date column', value: p.dateColumn ?? 'None' },
          { label: 'Query ran', value: p.ranAt ? formatDate(p.ranAt.slice(0, 10)) : 'Not given' },
        ]}
      />
      {p.notes.map((n) =>
        empty ? (
          <Alert
            key={n}
            color="yellow"
            variant="light"
            icon={<IconInfoCircle size={18} aria-hidden />}
            title="Zero rows: not the same as effective"
            data-testid="population-zero"
          >
            {n}
          </Alert>
        ) : (
          <Text key={n} size="sm">
            {n}
          </Text>
        ),
      )}
    </Stack>
  );
}

function RecordPopulation({ item }: { item: EvidenceDetail }) {
  const job = useJob();
  const [v, setV] = useState({
    sourceSystem: '',
    dateColumn: '',
    query: '',
    parameters: '',
    ranAt: '',
    completeness: '',
    supportIds: [] as string[],
  });
  const [error, setError] = useState<string | null>(null);
  const others = useVaultQuery('evidence.list', {
    includeSuperseded: false,
    sort: { key: 'createdAt', dir: 'desc' },
    limit: 200,
  });
  const supportData = (others.data?.items ?? [])
    .filter((e) => e.id !== item.id)
    .map((e) => ({ value: e.id, label: `${e.ref} ${e.title}` }));
  // The value is read now: by the time React runs the update, the event's target is gone.
  const set = (key: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((prev) => ({ ...prev, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!v.sourceSystem.trim()) {
      setError('Name the system the population was drawn from');
      return;
    }
    setError(null);
    const optional = (s: string) => (s.trim() ? s.trim() : undefined);
    const result = await job.run(
      `Reading ${item.file?.name ?? item.ref}`,
      'evidence.recordPopulation',
      {
        id: item.id,
        sourceSystem: v.sourceSystem.trim(),
        dateColumn: optional(v.dateColumn),
        query: optional(v.query),
        parameters: optional(v.parameters),
        ranAt: optional(v.ranAt),
        completeness: optional(v.completeness),
        supportIds: v.supportIds,
      },
    );
    if (result?.population) {
      notifySuccess(
        `Recorded ${item.ref} as a population of ${result.population.rowCount.toLocaleString()} rows.`,
      );
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="population-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Is this file the full list of events from the system that triggers the control (the
          terminations from the HR system, the deployments from the pipeline)? Record it as a
          population: Attest counts its rows and flags rows dated outside the window.
        </Text>
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label="Drawn from"
            placeholder="e.g. BambooHR"
            required
            value={v.sourceSystem}
            onChange={set('sourceSystem')}
            error={error}
            maxLength={200}
          />
          <TextInput
            label="Date column"
            description="The heading of the column dating each row"
            value={v.dateColumn}
            onChange={set('dateColumn')}
            maxLength={200}
          />
        </SimpleGrid>
        <Textarea
          label="Query"
          description="How the list was drawn, as run"
          autosize
          minRows={2}
          value={v.query}
          onChange={set('query')}
          maxLength={20_000}
        />
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label="Parameters"
            value={v.parameters}
            onChange={set('parameters')}
            maxLength={5_000}
          />
          <DateField
            label="The query ran on"
            value={v.ranAt}
            onChange={(day) => set('ranAt')({ currentTarget: { value: day } })}
          />
        </SimpleGrid>
        <Textarea
          label="Completeness and accuracy"
          description="How you know the list is whole: a reconciliation, a count checked at the source"
          autosize
          minRows={1}
          value={v.completeness}
          onChange={set('completeness')}
          maxLength={5_000}
        />
        <MultiSelect
          label="Completeness evidence files"
          description="Screenshots of the query and its parameters, a reconciliation"
          searchable
          clearable
          data={supportData}
          value={v.supportIds}
          onChange={(ids) => setV((prev) => ({ ...prev, supportIds: ids }))}
          comboboxProps={{ withinPortal: true }}
        />
        {job.running ? (
          <JobProgressLine
            label={job.running.label}
            progress={job.running.progress}
            onCancel={job.cancel}
          />
        ) : (
          <Group justify="flex-end">
            <Button type="submit" variant="default">
              Record as a population
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

import '@mantine/dates/styles.css';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Output } from '../../../../shared/api/index';
import type { Policy } from '../../../../shared/api/policies';
import { useApi } from '../../../api/provider';
import { notifyError, notifySuccess } from '../../../app/notify';
import { PersonSelect } from '../../../components/PersonSelect';
import { StatusBadge } from '../../../components/status';
import { formatDate } from '../../../components/format';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';
import { usePeople } from '../../people/people-store';
import { useToday } from '../../vault/today';
import { useAcknowledgements, useMissingAcks } from '../policy-queries';
import { AckImportDialog } from './AckImportDialog';
import { DateField } from '../../../components/DateField';

type Missing = Output<'policies.missingAcks'>['people'][number];
type Ack = Output<'policies.acknowledgements'>['items'][number];

const STATE_LABEL: Record<Missing['state'], string> = {
  overdue: 'Overdue',
  due: 'Not yet due',
  late: 'Acknowledged late',
};
const STATE_TONE = { overdue: 'missing', due: 'partial', late: 'partial' } as const;

/**
 * Who acknowledged which version and when; who among the current people has not acknowledged
 * the version in force within the policy's deadline (an auditor sampling new hires finds each).
 */
export function AcknowledgementsPanel({ policy }: { policy: Policy }) {
  const missing = useMissingAcks(policy.id);
  const acks = useAcknowledgements(policy.id);
  const version = missing?.version ?? null;
  const [importing, setImporting] = useState(false);

  const missingColumns = useMemo<DataColumn<Missing>[]>(
    () => [
      { id: 'name', header: 'Person', cell: (m) => <Text size="sm">{m.name}</Text> },
      {
        id: 'email',
        header: 'Email',
        cell: (m) => (
          <Text size="sm" c="dimmed">
            {m.email || '—'}
          </Text>
        ),
      },
      {
        id: 'due',
        header: 'Due by',
        width: 130,
        cell: (m) => <Text size="sm">{formatDate(m.dueOn)}</Text>,
      },
      {
        id: 'state',
        header: 'State',
        width: 200,
        cell: (m) => (
          <StatusBadge tone={STATE_TONE[m.state]}>
            {STATE_LABEL[m.state]}
            {m.acknowledgedOn ? ` · ${formatDate(m.acknowledgedOn)}` : ''}
          </StatusBadge>
        ),
      },
    ],
    [],
  );
  const ackColumns = useMemo<DataColumn<Ack>[]>(
    () => [
      { id: 'name', header: 'Person', cell: (a) => <Text size="sm">{a.personName}</Text> },
      {
        id: 'version',
        header: 'Version',
        width: 90,
        cell: (a) => <Text size="sm">v{a.versionNumber}</Text>,
      },
      {
        id: 'on',
        header: 'Acknowledged on',
        width: 150,
        cell: (a) => <Text size="sm">{formatDate(a.acknowledgedOn)}</Text>,
      },
      {
        id: 'source',
        header: 'Recorded',
        width: 200,
        cell: (a) => (
          <Text size="sm" c="dimmed" truncate>
            {a.source === 'import' ? `From ${a.sourceFile ?? 'an import'}` : 'By hand'}
          </Text>
        ),
      },
    ],
    [],
  );

  if (!version)
    return (
      <Text size="sm" c="dimmed">
        Acknowledgements are recorded against an approved version: approve this policy first.
      </Text>
    );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <RecordAck versionId={version.id} versionNumber={version.number} />
        <Button
          variant="default"
          leftSection={<IconFileImport size={16} />}
          onClick={() => setImporting(true)}
        >
          Import from HR or training export…
        </Button>
      </Group>
      <Stack gap="xs">
        <Title order={4}>Who has not acknowledged version {version.number}</Title>
        <Text size="xs" c="dimmed">
          Everyone current has {policy.acknowledgeWithinDays} days from the version’s effective
          date, or from when they were added, whichever is later.
        </Text>
        <DataTable
          label="Not acknowledged"
          testId="missing-acks"
          rows={missing?.people ?? []}
          rowId={(m) => m.personId}
          columns={missingColumns}
          maxHeight="240px"
          rowData={(m) => ({ 'data-testid': 'missing-ack-row', 'data-state': m.state })}
          empty="Everyone current has acknowledged the version in force in time."
        />
      </Stack>
      <Stack gap="xs">
        <Title order={4}>Acknowledgements</Title>
        <DataTable
          label="Acknowledgements"
          testId="policy-acks"
          rows={acks}
          rowId={(a) => a.id}
          columns={ackColumns}
          maxHeight="240px"
          rowData={() => ({ 'data-testid': 'ack-row' })}
          empty="None recorded yet."
        />
      </Stack>
      <AckImportDialog
        opened={importing}
        onClose={() => setImporting(false)}
        versionId={version.id}
        versionNumber={version.number}
      />
    </Stack>
  );
}

function RecordAck(props: { versionId: string; versionNumber: number }) {
  const api = useApi();
  const today = useToday();
  const people = usePeople((s) => s.items);
  const [personId, setPersonId] = useState<string | null>(null);
  const [on, setOn] = useState<string | null>(today);
  const [busy, setBusy] = useState(false);
  const record = async () => {
    if (!personId || !on) return;
    setBusy(true);
    try {
      const ack = await api.call('policies.acknowledge', {
        versionId: props.versionId,
        personId,
        acknowledgedOn: on,
      });
      notifySuccess(
        `Recorded ${ack.personName}’s acknowledgement of version ${props.versionNumber}.`,
      );
      setPersonId(null);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="sm" align="flex-end" data-testid="record-ack">
      <PersonSelect
        label={`Who acknowledged version ${props.versionNumber}`}
        people={people}
        value={personId}
        onChange={setPersonId}
        w={260}
      />
      <DateField label="On" value={on} onChange={(day) => setOn(day || null)} w={150} />
      <Button onClick={() => void record()} loading={busy} disabled={!personId || !on}>
        Record
      </Button>
    </Group>
  );
}

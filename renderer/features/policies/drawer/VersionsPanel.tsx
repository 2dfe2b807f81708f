import { Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { Policy, PolicyVersionSummary } from '../../../../shared/api/policies';
import { StatusBadge } from '../../../components/status';
import { formatDate } from '../../../components/format';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';
import { personName, usePeople } from '../../people/people-store';
import { useVersions } from '../policy-queries';
import { VersionDiff } from './DiffView';
import { ExportVersionMenu } from './ExportVersionMenu';

/** Every version, newest first, with its approval and the days it was in force; and a diff. */
export function VersionsPanel({ policy }: { policy: Policy }) {
  const versions = useVersions(policy.id);
  const people = usePeople((s) => s.items);
  const columns = useMemo<DataColumn<PolicyVersionSummary>[]>(
    () => [
      {
        id: 'number',
        header: 'Version',
        width: 80,
        cell: (v) => <Text size="sm">v{v.number}</Text>,
      },
      {
        id: 'state',
        header: 'State',
        width: 150,
        cell: (v) =>
          v.status === 'draft' ? (
            <StatusBadge tone="partial">Draft</StatusBadge>
          ) : v.id === policy.inForceVersionId ? (
            <StatusBadge tone="met">In force</StatusBadge>
          ) : (
            <StatusBadge tone="neutral">Approved</StatusBadge>
          ),
      },
      {
        id: 'approved',
        header: 'Approved',
        width: 220,
        cell: (v) =>
          v.approvedOn ? (
            <Text size="sm">
              {formatDate(v.approvedOn)} by {personName(people, v.approverId) ?? '—'}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ),
      },
      {
        id: 'inForce',
        header: 'In force',
        width: 220,
        cell: (v) =>
          v.inForceFrom ? (
            <Text size="sm">
              {formatDate(v.inForceFrom)} – {v.inForceUntil ? formatDate(v.inForceUntil) : 'today'}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {v.effectiveOn ? `From ${formatDate(v.effectiveOn)}` : '—'}
            </Text>
          ),
      },
      {
        id: 'note',
        header: 'Change note',
        cell: (v) => (
          <Text size="sm" c={v.changeNote ? undefined : 'dimmed'} truncate>
            {v.changeNote || '—'}
          </Text>
        ),
      },
      {
        id: 'download',
        header: '',
        label: 'Download',
        width: 130,
        interactive: true,
        cell: (v) => <ExportVersionMenu policy={policy} version={v} />,
      },
    ],
    [people, policy],
  );
  return (
    <Stack gap="lg">
      <DataTable
        label="Versions"
        testId="policy-versions"
        rows={versions}
        rowId={(v) => v.id}
        columns={columns}
        rowHeight={44}
        maxHeight="260px"
        rowData={(v) => ({ 'data-testid': 'version-row', 'data-status': v.status })}
        empty="No version yet: write the first draft on the Text tab."
      />
      <Stack gap="xs">
        <Title order={4}>Compare two versions</Title>
        <VersionDiff key={versions.map((v) => v.id).join()} versions={versions} />
      </Stack>
    </Stack>
  );
}

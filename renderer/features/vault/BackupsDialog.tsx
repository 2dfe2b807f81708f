import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { Backup } from '../../../shared/api/witness';
import { notifyError, notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';
import { formatBytes, formatInstant, plural } from '../../components/format';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { useJob } from '../../api/use-job';
import { useVaultDialogs } from './dialogs';
import { useVaultQuery } from './use-vault-query';
import { useVaultInfo } from './vault-info';

const WHY: Record<Backup['reason'], string> = {
  open: 'When opened',
  daily: 'Daily',
  manual: 'By you',
  'before-restore': 'Before a restore',
};

function columns(restore: (b: Backup) => void): DataColumn<Backup>[] {
  return [
    {
      id: 'made',
      header: 'Made',
      width: 190,
      cell: (b) => (
        <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatInstant(b.createdAt)}
        </Text>
      ),
    },
    {
      id: 'why',
      header: 'Why',
      cell: (b) => (
        <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
          {WHY[b.reason]}
        </Text>
      ),
    },
    {
      id: 'entries',
      header: 'Audit entries',
      width: 110,
      align: 'right',
      cell: (b) => b.head.seq.toLocaleString(),
    },
    { id: 'size', header: 'Size', width: 80, align: 'right', cell: (b) => formatBytes(b.bytes) },
    {
      id: 'action',
      header: '',
      label: 'Action',
      width: 120,
      align: 'right',
      interactive: true,
      cell: (b) =>
        b.current ? (
          <Badge variant="light" color="gray">
            Same as now
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="default"
            onClick={() => restore(b)}
            aria-label={`Restore the backup of ${formatInstant(b.createdAt)}`}
          >
            Restore…
          </Button>
        ),
    },
  ];
}

/**
 * "Backups…": the open vault's backups, newest first — made when it is opened and daily while
 * it stays open (the newest 7 kept), by hand, and before each restore (kept). Restoring asks
 * first, saying what it replaces and that the vault as it is now is kept as a backup.
 */
const FRESH = { staleTime: 0, gcTime: 0 } as const;

function BackupsForm({ onDone, onBusy }: { onDone(): void; onBusy(busy: boolean): void }) {
  // Backups are files beside the vault, made on a timer too: read afresh each time it shows.
  const backups = useVaultQuery('vault.backups', {}, FRESH);
  const listing = backups.data;
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const backupColumns = useMemo(() => columns(setConfirming), []);
  const entriesNow = useVaultInfo((i) => i.counts.auditEvents) ?? 0;
  const job = useJob();
  const busy = job.running !== null;
  useEffect(() => onBusy(busy), [busy, onBusy]);

  useEffect(() => {
    if (!backups.error) return;
    notifyError(backups.error);
    onDone();
  }, [backups.error, onDone]);
  const load = () => void backups.refetch();

  const backUpNow = async () => {
    const made = await job.run('Backing up the vault', 'vault.backup', {});
    if (made) notifySuccess(`Backed up (${formatBytes(made.bytes)}).`);
    load();
  };

  const restore = async (backup: Backup) => {
    const result = await job.run('Restoring the backup', 'vault.restoreBackup', { id: backup.id });
    setConfirming(null);
    if (!result) return load();
    // The vault was replaced and opened anew: a verify report about the file it replaced, kept
    // with the previous opening, no longer shows (dashboard/verify-job.ts).
    notifySuccess(
      `Restored the backup of ${formatInstant(result.restored.createdAt)}. The vault as it was is kept as a backup (“${WHY['before-restore']}”).`,
    );
    onDone();
  };

  if (!listing) return <Loader size="sm" aria-label="Reading the backups" />;

  if (job.running) {
    return (
      <JobProgressLine
        label={job.running.label}
        progress={job.running.progress}
        onCancel={job.cancel}
      />
    );
  }

  if (confirming) {
    return (
      <Stack gap="md" data-testid="restore-confirmation">
        <Alert
          color="yellow"
          variant="light"
          title={`Restore the backup of ${formatInstant(confirming.createdAt)}?`}
        >
          <Text size="sm">
            This replaces the vault as it is now (
            {plural(entriesNow, 'audit entry', 'audit entries')}) with the backup made{' '}
            {formatInstant(confirming.createdAt)} (
            {plural(confirming.head.seq, 'audit entry', 'audit entries')}). Everything done since
            then leaves the vault.
          </Text>
          <Text size="sm" mt="xs">
            Nothing is lost: the vault as it is now is kept as a backup first (“
            {WHY['before-restore']}”), and can be restored the same way.
          </Text>
        </Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
          <Button
            onClick={() => void restore(confirming)}
            data-testid="restore-confirm"
            data-autofocus
          >
            Restore this backup
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Attest backs this vault up each time it is opened and once a day while it stays open,
        keeping the newest 7; backups you make and the copy kept before a restore stay until you
        remove them.
      </Text>
      {listing.items.length === 0 ? (
        <Text size="sm" data-testid="backups-empty">
          No backups yet.
        </Text>
      ) : (
        <DataTable
          label="Backups"
          testId="backups-table"
          rows={listing.items}
          rowId={(b) => b.id}
          columns={backupColumns}
          rowLabel={(b) => `Backup of ${formatInstant(b.createdAt)}`}
          rowData={(b) => ({ 'data-reason': b.reason })}
          rowHeight={41}
          // A dialog's list: the folder and the buttons below stay in view.
          maxHeight="min(360px, calc(100dvh - 320px))"
        />
      )}
      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {listing.folder}
      </Text>
      <Group justify="space-between" gap="sm">
        <Button
          variant="default"
          leftSection={<IconHistory size={16} aria-hidden />}
          onClick={() => void backUpNow()}
        >
          Back up now
        </Button>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

export function BackupsDialog() {
  const opened = useVaultDialogs((s) => s.dialog === 'backups');
  const hide = useVaultDialogs((s) => s.hide);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={hide}
      title="Backups"
      // Wide enough for each backup on one line (date, why, entries, size, Restore).
      size={720}
      // Closing mid-way would hide a backup or a restore that is still under way.
      closeOnClickOutside={false}
      closeOnEscape={!busy}
      withCloseButton={!busy}
    >
      {opened && <BackupsForm onDone={hide} onBusy={setBusy} />}
    </Modal>
  );
}

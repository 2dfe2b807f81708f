import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { notifyError, notifySuccess } from '../../app/notify';
import { Facts } from '../../components/Facts';
import { JobProgressLine } from '../../components/JobProgressLine';
import { formatBytes } from '../../components/format';
import { useJob } from '../../api/use-job';
import { useVaultDialogs } from './dialogs';
import { useVaultQuery } from './use-vault-query';

/**
 * "Compact vault…": says what compacting gives back and what it needs (free disk space for a
 * copy of the vault plus the compact copy), then runs `vault.compact` with its progress. The
 * progress is real: bytes copied by the online backup, then the size of the compact copy as
 * SQLite writes it. A VACUUM cannot be interrupted, so Cancel takes effect when the step under
 * way ends, and the vault is then left as it was.
 */
const FRESH = { staleTime: 0, gcTime: 0 } as const;

function CompactForm({ onDone }: { onDone(): void }) {
  // Free space inside the file and on the disk change outside Attest: read afresh each time.
  const { data: storage, error } = useVaultQuery('vault.storage', {}, FRESH);
  const [cancelling, setCancelling] = useState(false);
  const job = useJob();

  useEffect(() => {
    if (!error) return;
    notifyError(error);
    onDone();
  }, [error, onDone]);

  if (!storage) return <Loader size="sm" aria-label="Reading the vault's size" />;

  const short = storage.diskFreeBytes < storage.compactNeedsBytes;
  const compact = async () => {
    const result = await job.run('Compacting the vault', 'vault.compact', {});
    if (!result) return;
    notifySuccess(
      `Compacted: ${formatBytes(result.bytesBefore)} → ${formatBytes(result.bytesAfter)}.`,
    );
    onDone();
  };

  if (job.running) {
    return (
      <Stack gap="sm">
        <JobProgressLine
          label={cancelling ? 'Stopping after the current step…' : job.running.label}
          progress={job.running.progress}
          onCancel={() => {
            setCancelling(true);
            job.cancel();
          }}
        />
        <Text size="xs" c="dimmed">
          First a copy of the vault, then the compact copy. Changes wait until it is done.
        </Text>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        Compacting writes a compact copy of the vault beside it and swaps it in, giving the free
        space inside the file back to the disk.
        {storage.autoVacuum === 'none'
          ? ' This vault was made by an earlier Attest: compacting also sets it up to give space back by itself from now on.'
          : storage.freeBytes === 0
            ? ' This vault gives space back by itself and has none to give back now.'
            : ''}
      </Text>
      <Facts
        items={[
          { label: 'Vault file', value: formatBytes(storage.fileBytes) },
          { label: 'Free space inside', value: formatBytes(storage.freeBytes) },
          {
            label: 'Needs free on disk',
            value: `about ${formatBytes(storage.compactNeedsBytes)} (up to twice the vault’s size)`,
          },
          { label: 'Free on disk', value: formatBytes(storage.diskFreeBytes) },
        ]}
      />
      {short ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
          There is not enough free disk space to compact this vault. Free at least{' '}
          {formatBytes(storage.compactNeedsBytes - storage.diskFreeBytes)} and try again.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          It takes about as long as copying the file twice. Changes wait until it is done;
          everything else can still be read.
        </Text>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={() => void compact()} disabled={short} data-testid="compact-confirm">
          Compact
        </Button>
      </Group>
    </Stack>
  );
}

export function CompactDialog() {
  const opened = useVaultDialogs((s) => s.dialog === 'compact');
  const hide = useVaultDialogs((s) => s.hide);
  return (
    <Modal
      opened={opened}
      onClose={hide}
      title="Compact vault"
      size="md"
      // Closing mid-way would hide a job that is still rewriting the vault.
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      {opened && <CompactForm onDone={hide} />}
    </Modal>
  );
}

import { Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../shared/api';
import { useApiQuery } from '../../api/queries';
import { notifyError } from '../../app/notify';
import { formatBytes, formatInstant } from '../../components/format';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { EmptyFolder } from './EmptyFolder';
import { useVaultActions } from './actions';
import { useVaultDialogs } from './dialogs';

const FRESH = { staleTime: 0, gcTime: 0 } as const;

type VaultFile = Output<'vault.available'>['items'][number];

/** The columns; the file being opened shows a spinner in place of its icon. */
function vaultColumns(opening: string | null): DataColumn<VaultFile>[] {
  return [
    {
      id: 'file',
      header: 'File',
      cell: (item) => (
        <Group gap={8} wrap="nowrap">
          {opening === item.path ? (
            <Loader size={14} aria-label={`Opening ${item.fileName}`} />
          ) : (
            <IconDatabase size={16} stroke={1.6} aria-hidden />
          )}
          <Text size="sm" fw={500} className="attest-mono" truncate>
            {item.fileName}
          </Text>
        </Group>
      ),
    },
    {
      id: 'size',
      header: 'Size',
      width: 100,
      align: 'right',
      cell: (item) => (
        <Text size="sm" c="dimmed">
          {formatBytes(item.size)}
        </Text>
      ),
    },
    {
      id: 'modified',
      header: 'Modified',
      width: 190,
      align: 'right',
      cell: (item) => (
        <Text size="sm" c="dimmed">
          {formatInstant(item.modifiedAt)}
        </Text>
      ),
    },
  ];
}

function VaultFiles() {
  // The folder changes outside Attest: read it afresh each time the dialog shows it.
  const { data: available, error } = useApiQuery(null, 'vault.available', {}, FRESH);
  const [opening, setOpening] = useState<string | null>(null);
  const { openVaultFile } = useVaultActions();
  const columns = useMemo(() => vaultColumns(opening), [opening]);
  useEffect(() => {
    if (error) notifyError(error);
  }, [error]);

  if (!available) return <Loader size="sm" mx="auto" my="xl" aria-label="Loading vault files" />;
  if (available.items.length === 0) {
    return (
      <EmptyFolder
        title="No vault files in this folder yet"
        description={
          <>
            Create a new vault, or copy a <code>.attest</code> file into{' '}
            <Text span inherit className="attest-mono">
              {available.home}
            </Text>
            .
          </>
        }
      />
    );
  }
  const open = async (path: string) => {
    setOpening(path);
    await openVaultFile(path);
    setOpening(null);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Vault files in{' '}
        <Text span inherit className="attest-mono">
          {available.home}
        </Text>
      </Text>
      <DataTable
        label="Vault files"
        testId="available-vaults"
        rows={available.items}
        rowId={(item) => item.path}
        columns={columns}
        rowLabel={(item) => item.fileName}
        onOpen={(item) => {
          if (opening === null) void open(item.path);
        }}
        activeId={opening}
        rowHeight={41}
        maxHeight="min(420px, calc(100dvh - 260px))"
      />
    </Stack>
  );
}

/** Browser mode's "Open vault": the vault files inside ATTEST_HOME. */
export function OpenVaultDialog() {
  const opened = useVaultDialogs((s) => s.dialog === 'open');
  const hide = useVaultDialogs((s) => s.hide);
  return (
    <Modal
      opened={opened}
      onClose={hide}
      title="Open vault"
      size="lg"
      data-testid="open-vault-dialog"
    >
      {opened && <VaultFiles />}
    </Modal>
  );
}

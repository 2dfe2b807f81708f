import { Loader, Modal, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../api/queries';
import { notifyError } from '../../app/notify';
import { formatBytes, formatInstant } from '../../components/format';
import { EmptyFolder } from './EmptyFolder';
import { useVaultActions } from './actions';
import { useVaultDialogs } from './dialogs';

const FRESH = { staleTime: 0, gcTime: 0 } as const;

function VaultFiles() {
  // The folder changes outside Attest: read it afresh each time the dialog shows it.
  const { data: available, error } = useApiQuery(null, 'vault.available', {}, FRESH);
  const [opening, setOpening] = useState<string | null>(null);
  const { openVaultFile } = useVaultActions();
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
      <Table highlightOnHover verticalSpacing={6} data-testid="available-vaults">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Size</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Modified</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {available.items.map((item) => (
            <Table.Tr key={item.path}>
              <Table.Td>
                <UnstyledButton
                  onClick={() => void open(item.path)}
                  disabled={opening !== null}
                  aria-label={`Open ${item.fileName}`}
                  style={{ display: 'flex', alignItems: 'center', gap: 8 }}
                >
                  {opening === item.path ? (
                    <Loader size={14} />
                  ) : (
                    <IconDatabase size={16} stroke={1.6} aria-hidden />
                  )}
                  <Text size="sm" fw={500} className="attest-mono">
                    {item.fileName}
                  </Text>
                </UnstyledButton>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Text size="sm" c="dimmed">
                  {formatBytes(item.size)}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Text size="sm" c="dimmed">
                  {formatInstant(item.modifiedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';
import { useVaultSession } from './session';

/**
 * Told when the part of Attest that works on the vault (the runtime host) stopped unexpectedly:
 * says so plainly and offers to reopen the vault it had open. The next call starts a new host,
 * so reopening is an ordinary `vault.open`; the vault itself is sound (SQLite's lock and
 * journal went with the process).
 */
export function HostStoppedDialog() {
  const [stopped, setStopped] = useState<{ path: string | null } | null>(null);
  const [reopening, setReopening] = useState(false);
  const client = useApi();
  const session = useVaultSession();

  useEffect(
    () =>
      client.subscribe('runtime.stopped', ({ path }) => {
        setStopped({ path });
        // The vault went with the host: show where Attest stands now (a new host, no vault).
        session.sync().catch(notifyError);
      }),
    [client, session],
  );

  const close = () => setStopped(null);
  const reopen = async (path: string) => {
    setReopening(true);
    try {
      await session.open(path);
      close();
    } catch (e) {
      notifyError(e);
    } finally {
      setReopening(false);
    }
  };
  const name = stopped?.path?.split(/[\\/]/).pop() ?? null;

  return (
    <Modal
      opened={stopped !== null}
      onClose={close}
      title="The part of Attest that works on the vault stopped"
      centered
    >
      <Stack gap="md">
        <Text size="sm">
          {name
            ? `${name} was closed with it. Everything saved before it stopped is kept.`
            : 'Everything saved before it stopped is kept.'}{' '}
          Anything that was still running (an import, an export) did not finish; start it again
          after reopening.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Not now
          </Button>
          {stopped?.path ? (
            <Button loading={reopening} onClick={() => void reopen(stopped.path!)}>
              Reopen the vault
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { toApiCallError } from '../../api';
import { notifyError } from '../../app/notify';
import { WhereToSave } from './WhereToSave';
import { useVaultActions } from './actions';
import { useVaultDialogs } from './dialogs';
import { suggestFileName } from './new-vault-form';
import { useVaultInfo } from './vault-info';

function SaveCopyForm() {
  const hide = useVaultDialogs((s) => s.hide);
  const name = useVaultInfo((i) => i.engagement.name) ?? 'vault';
  const { saveCopyTo } = useVaultActions();
  const [file, setFile] = useState(`${suggestFileName(name)}-copy`);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file.trim()) {
      setError('Give the copy a file name');
      return;
    }
    setBusy(true);
    try {
      await saveCopyTo(`${file.trim()}.attest`);
      hide();
    } catch (e) {
      const err = toApiCallError(e);
      if (err.code === 'conflict' || err.code === 'validation') setError(err.message);
      else notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          A consistent copy of the vault as it is now, for a backup or to hand over. The open vault
          stays open.
        </Text>
        <WhereToSave
          browser
          label="Name of the copy"
          value={file}
          error={error}
          defaultName={file}
          onChange={(f) => {
            setFile(f);
            setError(undefined);
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={hide} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save copy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Browser mode's "Save a copy…": a file name inside the vaults folder. */
export function SaveCopyDialog() {
  const opened = useVaultDialogs((s) => s.dialog === 'saveCopy');
  const hide = useVaultDialogs((s) => s.hide);
  return (
    <Modal opened={opened} onClose={hide} title="Save a copy" size="md">
      {opened && <SaveCopyForm />}
    </Modal>
  );
}

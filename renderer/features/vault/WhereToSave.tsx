import { Button, Group, Text, TextInput } from '@mantine/core';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';
import { useVault } from './store';

/**
 * Desktop: the system's save dialog picks the file. Browser: a file name, kept inside the
 * vaults folder (ATTEST_HOME), because a browser tab has no file dialog that yields a path.
 */
export function WhereToSave(props: {
  browser: boolean;
  value: string;
  error?: string;
  defaultName: string;
  label?: string;
  onChange(file: string): void;
}) {
  const client = useApi();
  const home = useVault((s) => s.app?.home ?? '');
  if (props.browser) {
    return (
      <TextInput
        label={props.label ?? 'File name'}
        description={
          <>
            Saved in the vaults folder{' '}
            <Text span inherit className="attest-mono">
              {home}
            </Text>
          </>
        }
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value.replace(/\.attest$/, ''))}
        error={props.error}
        rightSection={
          <Text size="sm" c="dimmed" className="attest-mono" pr={8}>
            .attest
          </Text>
        }
        rightSectionWidth={64}
        rightSectionPointerEvents="none"
        classNames={{ input: 'attest-mono' }}
        data-testid="vault-file-name"
      />
    );
  }
  const choose = async () => {
    try {
      const path = await client.host.pickNewVaultPath(`${props.defaultName}.attest`);
      if (path) props.onChange(path);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Group align="flex-end" wrap="nowrap" gap="sm">
      <TextInput
        label={props.label ?? 'File'}
        readOnly
        placeholder="Not chosen yet"
        value={props.value}
        error={props.error}
        style={{ flex: 1 }}
        classNames={{ input: 'attest-mono' }}
      />
      <Button variant="default" onClick={() => void choose()}>
        Choose…
      </Button>
    </Group>
  );
}

import { Button, Menu } from '@mantine/core';
import {
  IconArrowsMinimize,
  IconChevronDown,
  IconCopy,
  IconDoorExit,
  IconFolder,
  IconFolderOpen,
  IconHistory,
  IconPlayerTrackNext,
  IconPlus,
  IconShieldCheck,
  IconListDetails,
  IconUsers,
} from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/provider';
import { notifyError } from '../notify';
import {
  compactVault,
  showBackups,
  startNewVault,
  startNextPeriod,
  useVaultActions,
} from '../../features/vault/actions';
import { useRunVerify } from '../../features/dashboard/verify-job';
import { useVaultInfo } from '../../features/vault/vault-info';

/** Secondary vault actions live in one menu, not in a row of buttons. */
export function VaultMenu() {
  const navigate = useNavigate();
  const client = useApi();
  const runVerify = useRunVerify();
  const path = useVaultInfo((i) => i.path);
  const { chooseVaultToOpen, closeVault, saveVaultCopy } = useVaultActions();
  return (
    <Menu width={220}>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronDown size={14} aria-hidden />}
          data-testid="vault-menu"
        >
          Vault
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconUsers size={16} />} onClick={() => navigate('/people')}>
          People
        </Menu.Item>
        <Menu.Item leftSection={<IconListDetails size={16} />} onClick={() => navigate('/history')}>
          History
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconShieldCheck size={16} />} onClick={runVerify}>
          Verify vault
        </Menu.Item>
        <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => void saveVaultCopy()}>
          Save a copy…
        </Menu.Item>
        <Menu.Item leftSection={<IconHistory size={16} />} onClick={showBackups}>
          Backups…
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowsMinimize size={16} />} onClick={compactVault}>
          Compact vault…
        </Menu.Item>
        {/* A browser tab cannot show a folder; only the desktop app offers this. */}
        {client.kind === 'desktop' && path && (
          <Menu.Item
            leftSection={<IconFolder size={16} />}
            onClick={() => client.host.revealInFolder(path).catch(notifyError)}
          >
            Show in folder
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconPlayerTrackNext size={16} />}
          onClick={startNextPeriod}
          data-testid="start-next-period"
        >
          Start next period…
        </Menu.Item>
        <Menu.Item leftSection={<IconPlus size={16} />} onClick={startNewVault}>
          New vault…
        </Menu.Item>
        <Menu.Item
          leftSection={<IconFolderOpen size={16} />}
          onClick={() => void chooseVaultToOpen()}
        >
          Open vault…
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconDoorExit size={16} />} onClick={() => void closeVault()}>
          Close vault
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

import {
  ActionIcon,
  EmptyState,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconDatabase, IconDots, IconHistory, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { formatInstant } from '../../components/format';
import { useVaultActions } from './actions';
import type { RecentVault } from './store';

function RecentRow({ item, busy, onOpen }: { item: RecentVault; busy: boolean; onOpen(): void }) {
  const { forgetRecentVault } = useVaultActions();
  return (
    <Group
      wrap="nowrap"
      gap={4}
      className="attest-row"
      pr={6}
      data-testid="recent-vault"
      data-path={item.path}
    >
      <UnstyledButton
        onClick={onOpen}
        disabled={busy}
        px="sm"
        py={10}
        style={{ flex: 1, minWidth: 0, borderRadius: 'var(--mantine-radius-md)' }}
        aria-label={`Open ${item.name} (${item.path})`}
      >
        <Group wrap="nowrap" gap="sm">
          <IconDatabase size={18} stroke={1.5} color="var(--mantine-color-dimmed)" aria-hidden />
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={500} truncate="end">
              {item.name}
            </Text>
            <Text size="xs" c="dimmed" truncate="start" className="attest-mono" title={item.path}>
              {/* Left-to-right marks keep the slashes in place inside the right-to-left ellipsis. */}
              {`\u200E${item.path}\u200E`}
            </Text>
          </Stack>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatInstant(item.openedAt)}
          </Text>
        </Group>
      </UnstyledButton>
      <Menu width={200}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`More for ${item.name}`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconTrash size={15} />}
            onClick={() => void forgetRecentVault(item.path)}
          >
            Remove from list
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** Recently opened vaults: Enter or a click opens one; the file is never touched by removing. */
export function RecentList({ items }: { items: RecentVault[] }) {
  const [opening, setOpening] = useState<string | null>(null);
  const { openVaultFile } = useVaultActions();
  if (items.length === 0) {
    return (
      <Paper withBorder p="xl" data-testid="recent-empty">
        <EmptyState
          icon={<IconHistory size={24} stroke={1.5} />}
          title="No recent vaults"
          description="Vaults you create or open appear here, so you can come back to them in one click. Start with a new vault, or open one you already have."
          size="sm"
        />
      </Paper>
    );
  }
  return (
    <Paper withBorder p={6} data-testid="recent-vaults">
      <Stack gap={2}>
        {items.map((item) => (
          <RecentRow
            key={item.path}
            item={item}
            busy={opening !== null}
            onOpen={async () => {
              setOpening(item.path);
              await openVaultFile(item.path);
              setOpening(null);
            }}
          />
        ))}
      </Stack>
    </Paper>
  );
}

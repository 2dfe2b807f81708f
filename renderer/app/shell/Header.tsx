import {
  ActionIcon,
  Box,
  Group,
  Kbd,
  Loader,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconCircleCheck, IconKeyboard, IconSearch, IconShieldLock } from '@tabler/icons-react';
import { formatReportScope } from '../../components/format';
import { CurrentUser } from '../../features/people/CurrentUser';
import { useSaveState } from '../../features/vault/useSaveState';
import { MOD_KEY } from '../shortcuts';
import { useUi } from '../ui-store';
import { VaultMenu } from './VaultMenu';
import { useVaultInfo } from '../../features/vault/vault-info';

function SaveIndicator() {
  const state = useSaveState();
  return (
    <Group gap={6} wrap="nowrap" aria-live="polite" data-testid="save-state">
      {state === 'saving' ? (
        <Loader size={12} aria-hidden />
      ) : (
        <IconCircleCheck
          size={16}
          stroke={1.8}
          color="var(--mantine-color-teal-text)"
          aria-hidden
        />
      )}
      <Text size="xs" c="dimmed">
        {state === 'saving' ? 'Saving…' : 'Saved'}
      </Text>
    </Group>
  );
}

function SearchButton() {
  return (
    <UnstyledButton
      onClick={() => spotlight.open()}
      aria-label={`Search screens and actions (${MOD_KEY}+K)`}
      data-testid="open-palette"
      px="sm"
      h={30}
      w={240}
      style={{
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        background: 'var(--mantine-color-default)',
      }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <IconSearch size={15} stroke={1.7} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text size="sm" c="dimmed">
            Search…
          </Text>
        </Group>
        <Group gap={3} wrap="nowrap" aria-hidden>
          <Kbd size="xs">{MOD_KEY}</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      </Group>
    </UnstyledButton>
  );
}

export function Header() {
  const engagement = useVaultInfo((i) => i.engagement);
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  if (!engagement) return null;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="lg">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <ThemeIcon size={28} radius="md" variant="filled" aria-hidden>
          <IconShieldLock size={17} stroke={1.8} />
        </ThemeIcon>
        <Box style={{ minWidth: 0 }}>
          <Group gap={8} wrap="nowrap">
            <Text fw={600} size="sm" truncate="end" data-testid="engagement-name">
              {engagement.name}
            </Text>
            {engagement.client && (
              <Text size="sm" c="dimmed" truncate="end">
                {engagement.client}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed" data-testid="engagement-scope">
            {formatReportScope(engagement)}
          </Text>
        </Box>
      </Group>
      <Group gap="md" wrap="nowrap">
        <SaveIndicator />
        <SearchButton />
        <Tooltip label="Keyboard shortcuts (?)">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setHelpOpen(true)}
            aria-label="Keyboard shortcuts"
          >
            <IconKeyboard size={18} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
        <CurrentUser />
        <VaultMenu />
      </Group>
    </Group>
  );
}

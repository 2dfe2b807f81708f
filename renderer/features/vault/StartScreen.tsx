import {
  Box,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconFlask,
  IconFolderOpen,
  IconPackageImport,
  IconPlus,
  IconShieldLock,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useApi } from '../../api/provider';
import { MOD_KEY } from '../../app/shortcuts';
import { chooseAuditPackage } from '../auditor/open-package';
import { RecentList } from './RecentList';
import { startNewVault, useVaultActions } from './actions';
import { useVaultDialogs } from './dialogs';
import { useVault } from './store';
import { useRecentVaults } from './vault-info';

function ActionCard(props: {
  icon: ReactNode;
  title: string;
  description: string;
  onClick(): void;
  testId: string;
}) {
  return (
    <UnstyledButton
      onClick={props.onClick}
      data-testid={props.testId}
      className="attest-action-card"
      p="lg"
    >
      <Group wrap="nowrap" gap="md" align="flex-start">
        <ThemeIcon size={38} radius="md" variant="light">
          {props.icon}
        </ThemeIcon>
        <Stack gap={2}>
          <Text fw={600}>{props.title}</Text>
          <Text size="sm" c="dimmed">
            {props.description}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** No vault open: what Attest is, the ways in (the demo among them), and the vaults used recently. */
export function StartScreen() {
  const recent = useRecentVaults();
  const app = useVault((s) => s.app);
  const api = useApi();
  const { chooseVaultToOpen } = useVaultActions();
  const queries = useQueryClient();
  return (
    <Box className="attest-canvas" mih="100%" py={64}>
      <Container size={760}>
        <Stack gap={40}>
          <Stack gap="sm">
            <Group gap="sm">
              <ThemeIcon size={40} radius="md" aria-hidden>
                <IconShieldLock size={24} stroke={1.7} />
              </ThemeIcon>
              <Title order={1} fz={28}>
                Attest
              </Title>
            </Group>
            <Text c="dimmed" size="md" maw={600}>
              Get ready for a SOC 2 audit: scope, gap analysis, remediation and evidence, kept in
              one vault file per engagement on this computer.
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <ActionCard
              testId="start-new-vault"
              icon={<IconPlus size={20} />}
              title="New vault"
              description="Start a new engagement in its own vault file."
              onClick={startNewVault}
            />
            <ActionCard
              testId="start-open-vault"
              icon={<IconFolderOpen size={20} />}
              title="Open vault"
              description={
                api.kind === 'browser'
                  ? 'Choose a vault from the vaults folder.'
                  : 'Open an existing .attest file.'
              }
              onClick={() => void chooseVaultToOpen()}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <ActionCard
              testId="start-demo"
              icon={<IconFlask size={20} />}
              title="Try the demo"
              description="A sample engagement for a fictional company, dated around today, to explore before starting your own."
              onClick={() => useVaultDialogs.getState().show('demo')}
            />
            <ActionCard
              testId="start-open-package"
              icon={<IconPackageImport size={20} />}
              title="Open audit package"
              description="For the auditor: check a package (.zip) the consultant sent, browse it read-only and send back comments, requests and sample picks."
              onClick={() => void chooseAuditPackage(api, queries)}
            />
          </SimpleGrid>
          <Stack gap="sm">
            <Title order={2} size="h3">
              Recent vaults
            </Title>
            <RecentList items={recent} />
          </Stack>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {app ? `Attest ${app.version}` : ''}
              {app && api.kind === 'browser' ? ' · Vaults folder ' : ''}
              {app && api.kind === 'browser' && (
                <Text span inherit className="attest-mono">
                  {app.home}
                </Text>
              )}
            </Text>
            <Text size="xs" c="dimmed">
              {MOD_KEY}+K to search · ? for shortcuts
            </Text>
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}

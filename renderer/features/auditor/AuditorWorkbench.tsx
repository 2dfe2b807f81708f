import {
  AppShell,
  Badge,
  Box,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconChecklist,
  IconListCheck,
  IconListDetails,
  IconLock,
  IconMessage2,
  IconShieldCheck,
  IconSitemap,
  IconX,
} from '@tabler/icons-react';
import { type ComponentType, type ReactElement, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { OpenPackageInfo } from '../../../shared/api/methods/auditor';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { Fingerprint } from '../../components/Fingerprint';
import { AUDIT_PATHS, type AuditViewId } from './audit-routes';
import { deltaSentence } from './DeltaNotice';
import { refreshOpenPackage } from './open-package';
import { PackageOverview } from './PackageOverview';
import { ControlsBrowse, CriteriaBrowse, RequestsBrowse } from './BrowseViews';
import { PopulationsView } from './PopulationsView';
import { ResponseView } from './ResponseView';
import { useAuditDraft } from './auditor-queries';
import './auditor.css';

interface AuditView {
  id: AuditViewId;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;
  element: ReactElement;
}

function DraftCount() {
  const n = useAuditDraft().data?.items.length ?? 0;
  return n > 0 ? (
    <Badge size="sm" variant="light" radius="sm" aria-label={`${n} items`}>
      {n}
    </Badge>
  ) : null;
}

const VIEWS: AuditView[] = [
  { id: 'overview', label: 'Package', icon: IconShieldCheck, element: <PackageOverview /> },
  { id: 'requests', label: 'By request', icon: IconChecklist, element: <RequestsBrowse /> },
  { id: 'criteria', label: 'By criterion', icon: IconSitemap, element: <CriteriaBrowse /> },
  { id: 'controls', label: 'By control', icon: IconListDetails, element: <ControlsBrowse /> },
  {
    id: 'populations',
    label: 'Populations',
    icon: IconListCheck,
    element: <PopulationsView />,
  },
  { id: 'response', label: 'Your response', icon: IconMessage2, element: <ResponseView /> },
];

function ViewLink({ view }: { view: AuditView }) {
  const { pathname } = useLocation();
  const active = pathname === AUDIT_PATHS[view.id];
  const Icon = view.icon;
  return (
    <NavLink
      component={Link}
      to={AUDIT_PATHS[view.id]}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="light"
      py={6}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      leftSection={
        <ThemeIcon variant={active ? 'filled' : 'light'} color={active ? 'teal' : 'gray'} size={26}>
          <Icon size={16} stroke={1.7} aria-hidden />
        </ThemeIcon>
      }
      label={
        <Text span size="sm" fw={500}>
          {view.label}
        </Text>
      }
      rightSection={view.id === 'response' ? <DraftCount /> : undefined}
    />
  );
}

/** The read-only banner: what is open, whose key signed it, and the way out. */
function AuditBanner({ pkg }: { pkg: OpenPackageInfo }) {
  const client = useApi();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [closing, setClosing] = useState(false);
  const close = async () => {
    setClosing(true);
    try {
      await client.call('auditor.closePackage', {});
      await refreshOpenPackage(queries);
      navigate('/');
      notifySuccess(`Closed the audit package for ${pkg.engagement}.`);
    } catch (e) {
      notifyError(e);
    } finally {
      setClosing(false);
    }
  };
  return (
    <Group
      h="100%"
      px="md"
      justify="space-between"
      wrap="nowrap"
      gap="lg"
      className="attest-audit-banner"
      data-testid="audit-banner"
    >
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <ThemeIcon size={28} radius="md" variant="light" color="gray" aria-hidden>
          <IconLock size={17} stroke={1.8} />
        </ThemeIcon>
        <Box style={{ minWidth: 0 }}>
          <Group gap={8} wrap="nowrap">
            <Badge variant="outline" color="gray" radius="sm" style={{ flexShrink: 0 }}>
              Audit package — read-only
            </Badge>
            {pkg.delta && (
              <Tooltip label={deltaSentence(pkg.delta)} multiline w={320}>
                <Badge
                  variant="light"
                  color="blue"
                  radius="sm"
                  style={{ flexShrink: 0 }}
                  data-testid="audit-delta-badge"
                >
                  Delta
                </Badge>
              </Tooltip>
            )}
            <Text fw={600} size="sm" truncate="end" data-testid="audit-engagement">
              {pkg.engagement}
            </Text>
            {pkg.client && (
              <Text size="sm" c="dimmed" truncate="end">
                {pkg.client}
              </Text>
            )}
          </Group>
        </Box>
      </Group>
      <Group gap="md" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            Key
          </Text>
          <Fingerprint value={pkg.fingerprint} label="Key fingerprint" />
        </Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconX size={14} aria-hidden />}
          loading={closing}
          onClick={() => void close()}
        >
          Close package
        </Button>
      </Group>
    </Group>
  );
}

/**
 * Auditor mode: an audit package open read-only. No vault is open and no vault step is offered;
 * the views read the package only, and the only thing written is the auditor's own response.
 */
export function AuditorWorkbench({ pkg }: { pkg: OpenPackageInfo }) {
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 0 }}
      padding={0}
      withBorder
      data-testid="auditor-mode"
    >
      <AppShell.Header>
        <AuditBanner pkg={pkg} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Audit package">
        <AppShell.Section grow component={ScrollArea} type="never">
          <Stack gap={2}>
            {VIEWS.map((v) => (
              <ViewLink key={v.id} view={v} />
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main className="attest-canvas">
        <Box px={32} py="xl" maw={1240}>
          <Routes>
            {VIEWS.map((v) => (
              <Route key={v.id} path={AUDIT_PATHS[v.id]} element={v.element} />
            ))}
            <Route path="*" element={<Navigate to={AUDIT_PATHS.overview} replace />} />
          </Routes>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

import { Box, Group, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { CATEGORY_LABELS } from '../../../shared/domain/engagement';
import { fileName, plural } from '../../components/format';
import { useStepStatus } from '../step-status-store';
import { STEPS, type StepDef } from '../steps';
import { useVaultInfo } from '../../features/vault/vault-info';

/**
 * The honest state of a step, from real data: what the step's feature published (see
 * step-status-store.ts), else a plain fallback. No invented progress.
 */
function useStepState(step: StepDef): string | null {
  const categories = useVaultInfo((i) => i.engagement.categories.length) ?? 0;
  const published = useStepStatus((s) => s.statuses[step.id]);
  if (published) return published.text;
  if (step.comingLater) return 'Coming later';
  // A package is written outside the vault, so the vault cannot say whether one was sent.
  if (step.id === 'dashboard' || step.id === 'export') return null;
  if (step.id === 'scope') return `${plural(categories, 'category', 'categories')} chosen`;
  return 'Not started';
}

function StepLink({ step }: { step: StepDef }) {
  const { pathname } = useLocation();
  const state = useStepState(step);
  const Icon = step.icon;
  const active = pathname === step.path;
  return (
    <NavLink
      component={Link}
      to={step.path}
      active={active}
      aria-current={active ? 'page' : undefined}
      data-step={step.id}
      variant="light"
      py={6}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      leftSection={
        <ThemeIcon
          variant={active ? 'filled' : 'light'}
          color={active ? 'teal' : 'gray'}
          size={26}
          radius="md"
        >
          <Icon size={16} stroke={1.7} aria-hidden />
        </ThemeIcon>
      }
      label={
        <Group gap={6} wrap="nowrap">
          {step.number !== null && (
            <Text span size="xs" c="dimmed" className="attest-mono" aria-hidden>
              {step.number}
            </Text>
          )}
          <Text span size="sm" fw={500}>
            {step.label}
          </Text>
        </Group>
      }
      description={state ?? undefined}
    />
  );
}

export function Nav() {
  const path = useVaultInfo((i) => i.path) ?? '';
  const categories = useVaultInfo((i) => i.engagement.categories) ?? [];
  return (
    <Stack justify="space-between" h="100%" gap="md">
      <Box>
        <StepLink step={STEPS[0]!} />
        <Text
          size="xs"
          fw={600}
          c="dimmed"
          tt="uppercase"
          px="sm"
          mt="md"
          mb={6}
          style={{ letterSpacing: '0.06em' }}
        >
          Workflow
        </Text>
        <Stack gap={2}>
          {STEPS.slice(1).map((step) => (
            <StepLink key={step.id} step={step} />
          ))}
        </Stack>
      </Box>
      <Stack gap={4} px="sm" pb="xs">
        <Text size="xs" c="dimmed" title={path} truncate="end" className="attest-mono">
          {fileName(path)}
        </Text>
        <Text size="xs" c="dimmed">
          {categories.map((c) => CATEGORY_LABELS[c]).join(' · ')}
        </Text>
        <Text size="xs" c="dimmed">
          Self-assessment — not an audit opinion.
        </Text>
      </Stack>
    </Stack>
  );
}

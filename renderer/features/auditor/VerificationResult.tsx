import { Alert, Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertOctagon, IconShieldCheck } from '@tabler/icons-react';
import type { PackageVerifyReport } from '../../../shared/api/package-verify';
import { Facts } from '../../components/Facts';
import { formatBytes, plural } from '../../components/format';
import { FullFingerprint } from './FullFingerprint';
import { FINGERPRINT_ADVICE, PROBLEM_LABELS } from './labels';

/** A package that passed: said plainly, with the fingerprint to compare and what was checked. */
export function VerifiedCard(props: {
  report: PackageVerifyReport;
  fingerprint: string;
  engagement: string;
  client: string | null;
  period: string | null;
}) {
  const { report } = props;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="package-verified">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color="teal" variant="light" size={40} radius="md" aria-hidden>
            <IconShieldCheck size={24} />
          </ThemeIcon>
          <Stack gap={0}>
            <Title order={2} size="h3">
              Package integrity verified: files unchanged since export
            </Title>
            <Text size="sm" c="dimmed">
              The signature holds and every file matches the signed manifest.
            </Text>
          </Stack>
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Consultant’s key fingerprint
          </Text>
          <FullFingerprint value={props.fingerprint} />
          <Text size="sm" c="dimmed" maw={640}>
            {FINGERPRINT_ADVICE}
          </Text>
        </Stack>
        <Facts
          items={[
            {
              label: 'Engagement',
              value: props.client ? `${props.engagement} · ${props.client}` : props.engagement,
            },
            ...(props.period ? [{ label: 'Report', value: props.period }] : []),
            {
              label: 'Files checked',
              value: `${plural(report.filesChecked, 'file')} · ${formatBytes(report.bytesChecked)}`,
            },
          ]}
        />
      </Stack>
    </Paper>
  );
}

/** A package that failed: every problem named, and that nothing of it was opened. */
export function FailedReport({ report }: { report: PackageVerifyReport }) {
  return (
    <Stack gap="md" data-testid="package-failed">
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertOctagon size={20} aria-hidden />}
        title="This package did not pass its check: nothing was opened"
      >
        <Text size="sm">
          {report.complete
            ? `${plural(report.problems.length, 'problem')} found in ${plural(report.filesChecked, 'file')} checked. Ask the consultant to send the package again, and do not rely on its files.`
            : 'Attest refused the package before reading every file: the problems below are what it refused, not every difference.'}
        </Text>
      </Alert>
      <List spacing="sm" listStyleType="none" p={0} aria-label="Problems found">
        {report.problems.map((p, i) => (
          <List.Item key={i} data-testid="package-problem">
            <Group gap="xs" wrap="nowrap" align="baseline">
              <Badge color="red" variant="light" radius="sm" style={{ flexShrink: 0 }}>
                {PROBLEM_LABELS[p.kind]}
              </Badge>
              <Stack gap={0} style={{ minWidth: 0 }}>
                {p.path !== null && !p.message.includes(p.path) && (
                  <Text size="sm" className="attest-mono" style={{ overflowWrap: 'anywhere' }}>
                    {p.path}
                  </Text>
                )}
                <Text size="sm">{p.message}</Text>
              </Stack>
            </Group>
          </List.Item>
        ))}
      </List>
      {report.fingerprint && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            Key fingerprint in the package (not trusted: the check failed)
          </Text>
          <FullFingerprint value={report.fingerprint} />
        </Stack>
      )}
    </Stack>
  );
}

import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { CATEGORY_LABELS, REPORT_TYPE_LABELS } from '../../../shared/domain/engagement';
import { stepById } from '../../app/steps';
import { Facts } from '../../components/Facts';
import { Fingerprint } from '../../components/Fingerprint';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import {
  formatBytes,
  formatDate,
  formatDateRange,
  formatInstant,
  plural,
} from '../../components/format';
import { useCoverage, useGaps } from '../gaps/gaps-store';
import { AgendaCard } from './AgendaCard';
import { CoverageByCategory } from './CoverageByCategory';
import { NextStepCard } from './NextStepCard';
import { SelfTestCard } from './SelfTestCard';
import { AssessmentCard, PlanCard, TopRisksCard } from './StateCards';
import { VerifyCard } from './VerifyCard';
import { WitnessNotice } from './WitnessNote';
import { useRunVerify, useVerify } from './verify-job';
import { ReadinessTrendCard } from '../readiness/ReadinessTrendCard';
import { CatalogUpdateNotice } from '../scope/catalog-update/CatalogUpdateNotice';
import { useVaultInfo } from '../vault/vault-info';

export function DashboardPage() {
  const info = useVaultInfo();
  const { running, report } = useVerify();
  const runVerify = useRunVerify();
  // A run of this opening, going or just done: its card sits under the button that started it.
  const verifying = running || report !== null;
  const step = stepById('dashboard');
  const hasControls = useGaps((s) => s.controls.length > 0);
  const coverage = useCoverage((s) => s.coverage);
  if (!info) return null;
  const { engagement, counts } = info;
  return (
    <>
      <PageHeader
        title="Dashboard"
        purpose={step.purpose}
        action={
          <Button
            variant="default"
            leftSection={<IconShieldCheck size={16} />}
            onClick={runVerify}
            loading={running}
            data-testid="verify-vault"
          >
            Verify vault
          </Button>
        }
      />
      <Stack gap="lg">
        {verifying && <VerifyCard />}
        <WitnessNotice />
        <CatalogUpdateNotice />
        <NextStepCard />
        {hasControls && (
          <>
            <AgendaCard />
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <AssessmentCard />
              <PlanCard />
              <TopRisksCard />
            </SimpleGrid>
            <SelfTestCard />
            <CoverageByCategory criteria={coverage} />
            <ReadinessTrendCard />
          </>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <SectionCard title="Engagement">
            <Facts
              items={[
                { label: 'Engagement', value: engagement.name },
                { label: 'Client', value: engagement.client || '—' },
                { label: 'Report', value: REPORT_TYPE_LABELS[engagement.reportType] },
                engagement.reportType === 'type1'
                  ? {
                      label: 'As of',
                      value: engagement.asOf ? formatDate(engagement.asOf) : 'Not set yet',
                    }
                  : {
                      label: 'Period',
                      value: engagement.period
                        ? formatDateRange(engagement.period.start, engagement.period.end)
                        : 'Not set yet',
                    },
                {
                  label: 'Categories',
                  value: (
                    <Group gap={6}>
                      {engagement.categories.map((c) => (
                        <Badge key={c} variant="light" color="gray" radius="sm" tt="none" fw={500}>
                          {CATEGORY_LABELS[c]}
                        </Badge>
                      ))}
                    </Group>
                  ),
                },
              ]}
            />
          </SectionCard>
          <SectionCard title="Vault">
            <Facts
              items={[
                {
                  label: 'File',
                  value: (
                    <Text size="sm" className="attest-mono" title={info.path}>
                      {info.path}
                    </Text>
                  ),
                },
                {
                  label: 'Key fingerprint',
                  value: <Fingerprint value={info.fingerprint} label="Key fingerprint" />,
                },
                { label: 'Created', value: formatInstant(info.createdAt) },
                {
                  label: 'Format',
                  value: `Version ${info.formatVersion}, Attest ${info.appVersion}`,
                },
                { label: 'Audit log', value: plural(counts.auditEvents, 'entry', 'entries') },
                {
                  label: 'Stored files',
                  value: `${plural(counts.blobs, 'file')} · ${formatBytes(counts.blobBytes)}`,
                },
                { label: 'People', value: plural(counts.people, 'person', 'people') },
              ]}
            />
          </SectionCard>
        </SimpleGrid>
        {!verifying && <VerifyCard />}
      </Stack>
    </>
  );
}

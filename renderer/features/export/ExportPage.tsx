import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { Stack } from '@mantine/core';
import { NeedsList } from '../readiness/NeedsList';
import { availableExports } from '../readiness/prerequisites';
import { useEngagementFacts } from '../readiness/useEngagementFacts';
import { useVaultInfo } from '../vault/vault-info';
import { PackageExport } from './PackageExport';

/** A file-name-safe ASCII rendering of the client's name for the package's default name. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'engagement'
  );
}

export function ExportPage() {
  const step = stepById('export');
  const facts = useEngagementFacts();
  const engagement = useVaultInfo((i) => i.engagement);
  const name = `Audit-Package_${slug(engagement?.client || engagement?.name || '')}.zip`;
  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} />
      <Stack gap="lg">
        <PackageExport defaultName={name} />
        <SectionCard title="Other exports">
          <NeedsList needs={availableExports(facts)} testId="exports-today" doneWord="Available" />
        </SectionCard>
      </Stack>
    </>
  );
}

import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { SystemDescription } from '../../../../shared/api/sd';
import type { Engagement } from '../../../../shared/api/vault';
import type { SdSection } from '../../../../shared/domain/system-description';
import { Facts } from '../../../components/Facts';
import { StatusBadge } from '../../../components/status';
import { formatInstant, formatReportScope, plural } from '../../../components/format';
import { CatalogUpdateBanner } from '../catalog-update/CatalogUpdateBanner';
import { useCatalogPlan } from '../catalog-update/catalog-update-store';
import { useConfirmScope } from '../confirm-scope';
import { categoryList } from '../scope-change';
import { CONFIRM_STEP, stepIndexOf } from './wizard-steps';

/** Which wizard question answers each section of the description. */
const STEP_OF_SECTION: Record<SdSection, string> = {
  services: 'description',
  commitments: 'description',
  systemRequirements: 'description',
  components: 'description',
  boundaries: 'description',
  incidents: 'events',
  changes: 'events',
  criteria: 'not-relevant',
  subservices: 'subservices',
  cuecs: 'cuecs',
  notRelevant: 'not-relevant',
};

const STATUS = {
  complete: { tone: 'met', label: 'Answered' },
  incomplete: { tone: 'missing', label: 'Missing' },
  not_applicable: { tone: 'neutral', label: 'Not applicable' },
} as const;

/** Question 6: what the scope holds, what the description still lacks, and Confirm scope. */
export function ReviewStep(props: {
  engagement: Engagement;
  sd: SystemDescription;
  onGoToStep(step: number): void;
  onConfirmed(): void;
}) {
  const { engagement: e, sd } = props;
  const [busy, setBusy] = useState(false);
  const confirmScope = useConfirmScope();
  const missing = sd.completeness.sections.filter((s) => s.status === 'incomplete').length;
  // A re-scope waits for a pending catalog update: the scope is applied with one catalog only.
  const planStatus = useCatalogPlan()?.status;
  const catalogBlocks = planStatus === 'update_available' || planStatus === 'vault_newer';

  const confirm = async () => {
    setBusy(true);
    const change = await confirmScope();
    setBusy(false);
    if (change) props.onConfirmed();
  };

  return (
    <Stack gap="xl">
      {e.scopeConfirmedAt && <CatalogUpdateBanner />}
      <Facts
        items={[
          { label: 'Client', value: e.client || '—' },
          { label: 'Report', value: formatReportScope(e) },
          { label: 'Categories', value: categoryList(e.categories) },
          { label: 'Auditor', value: e.auditorFirm || '—' },
          {
            label: 'Contacts',
            value: e.contacts.length ? e.contacts.map((c) => c.name).join(', ') : '—',
          },
        ]}
      />
      <Stack gap="xs" data-testid="completeness">
        <Group justify="space-between">
          <Title order={3} size="h4">
            System description
          </Title>
          <Text size="xs" c="dimmed">
            {missing === 0
              ? 'Every section is answered'
              : `${plural(missing, 'section')} still missing answers`}
          </Text>
        </Group>
        {sd.completeness.sections.map((s) => (
          <Group
            key={s.section}
            justify="space-between"
            align="flex-start"
            wrap="nowrap"
            py={6}
            style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
          >
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap={8}>
                <Text size="xs" c="dimmed" className="attest-mono" w={44}>
                  {s.dc}
                </Text>
                <Text size="sm">{s.title}</Text>
              </Group>
              {s.problems.length > 0 && (
                <List size="xs" c="dimmed" ml={52} spacing={2}>
                  {s.problems.map((p) => (
                    <List.Item key={p}>{p}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
            <Group gap="sm" wrap="nowrap">
              {s.status === 'incomplete' &&
                s.section !== 'criteria' &&
                (e.scopeConfirmedAt || stepIndexOf(STEP_OF_SECTION[s.section]) < CONFIRM_STEP ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    onClick={() => props.onGoToStep(stepIndexOf(STEP_OF_SECTION[s.section]))}
                  >
                    Answer
                  </Anchor>
                ) : (
                  <Text size="xs" c="dimmed">
                    After confirming
                  </Text>
                ))}
              <StatusBadge tone={STATUS[s.status].tone}>{STATUS[s.status].label}</StatusBadge>
            </Group>
          </Group>
        ))}
      </Stack>
      <Paper withBorder radius="lg" p="lg">
        <Group justify="space-between" wrap="nowrap" gap="xl">
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {e.scopeConfirmedAt ? 'Confirm the scope again' : 'Confirm the scope'}
            </Text>
            <Text size="xs" c="dimmed" maw={560}>
              {catalogBlocks
                ? 'The catalog this vault was scoped with differs from this build’s: settle the catalog update above first.'
                : e.scopeConfirmedAt
                  ? `Last confirmed ${formatInstant(e.scopeConfirmedAt)}. Confirming applies the categories chosen now. Nothing is deleted: controls no longer needed are archived with their work and return if their criteria come back.`
                  : 'Attest copies the criteria into the vault and adds the library controls that serve them; the next three questions (subservice organisations, customer controls, criteria not relevant) work with them. The description can be completed afterwards.'}
            </Text>
          </Stack>
          <Button
            size="md"
            leftSection={<IconCircleCheck size={18} />}
            loading={busy}
            disabled={catalogBlocks}
            onClick={() => void confirm()}
            style={{ flexShrink: 0 }}
            data-testid="confirm-scope"
          >
            Confirm scope
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

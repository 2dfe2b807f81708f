import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { CATEGORIES, CATEGORY_LABELS, REPORT_TYPE_LABELS } from '../../../shared/domain/engagement';
import { stepById } from '../../app/steps';
import { Facts } from '../../components/Facts';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { StepEmpty } from '../../components/StepEmpty';
import { formatDate, formatDateRange } from '../../components/format';
import { useVault } from '../vault/store';
import { CATEGORY_HELP } from './categories';

export function ScopePage() {
  const engagement = useVault((s) => s.info?.engagement);
  const step = stepById('scope');
  if (!engagement) return null;
  const inScope = new Set(engagement.categories);
  const when =
    engagement.reportType === 'type1'
      ? engagement.asOf
        ? `As of ${formatDate(engagement.asOf)}`
        : 'As-of date not set yet'
      : engagement.period
        ? formatDateRange(engagement.period.start, engagement.period.end)
        : 'Period not set yet';
  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} />
      <Stack gap="lg">
        <SectionCard title="What the report covers">
          <Stack gap="md">
            <Facts
              items={[
                { label: 'Report', value: REPORT_TYPE_LABELS[engagement.reportType] },
                { label: engagement.reportType === 'type1' ? 'Date' : 'Period', value: when },
              ]}
            />
            <Stack gap={0}>
              {CATEGORIES.map((c) => (
                <Group
                  key={c}
                  justify="space-between"
                  wrap="nowrap"
                  py="xs"
                  style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
                  data-testid={`scope-category-${c}`}
                >
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {CATEGORY_LABELS[c]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {CATEGORY_HELP[c]}
                    </Text>
                  </Stack>
                  {inScope.has(c) ? (
                    <Badge variant="light" color="teal" radius="sm" tt="none" fw={500}>
                      In scope
                    </Badge>
                  ) : (
                    <Badge variant="light" color="gray" radius="sm" tt="none" fw={500}>
                      Not in scope
                    </Badge>
                  )}
                </Group>
              ))}
            </Stack>
            <Text size="xs" c="dimmed">
              These were chosen when the vault was created.
            </Text>
          </Stack>
        </SectionCard>
        <StepEmpty
          compact
          icon={<IconTargetArrow size={20} stroke={1.5} />}
          title="Systems and criteria come next"
          description="Naming the systems, locations and people in scope, and confirming the criteria that apply, is not available in this version of Attest yet."
        />
      </Stack>
    </>
  );
}

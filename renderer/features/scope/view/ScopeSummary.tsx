import { Group, Paper, Text } from '@mantine/core';
import type { Engagement } from '../../../../shared/api/vault';
import { formatInstant, formatReportScope, plural } from '../../../components/format';
import { categoryList } from '../scope-change';
import { activeControls, useScopeControls, useScopeCriteria } from '../scope-queries';
import { mappingStatus } from './matrix';

function Fact(props: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" fw={500} data-testid={props.testId}>
        {props.value}
      </Text>
    </div>
  );
}

/** The confirmed scope at a glance, from the vault's own data. */
export function ScopeSummary({ engagement }: { engagement: Engagement }) {
  const { criteria } = useScopeCriteria();
  const controls = activeControls(useScopeControls().controls).length;
  const unmapped = criteria.filter((c) => mappingStatus(c) === 'not_mapped').length;
  const notRelevant = criteria.filter((c) => mappingStatus(c) === 'not_relevant').length;
  return (
    <Paper withBorder radius="lg" px="lg" py="sm" mb="lg">
      <Group gap={40} wrap="nowrap">
        <Fact label="Report" value={formatReportScope(engagement)} />
        <Fact label="Categories" value={categoryList(engagement.categories)} />
        <Fact
          label="Criteria"
          value={plural(criteria.length, 'in scope', 'in scope')}
          testId="criteria-count"
        />
        <Fact
          label="Controls"
          value={plural(controls, 'active', 'active')}
          testId="controls-count"
        />
        <Fact
          label="Mapping"
          value={
            unmapped === 0
              ? `Every criterion mapped${notRelevant ? ` · ${notRelevant} not relevant` : ''}`
              : `${plural(unmapped, 'criterion', 'criteria')} not mapped`
          }
        />
        {engagement.scopeConfirmedAt && (
          <Fact label="Confirmed" value={formatInstant(engagement.scopeConfirmedAt)} />
        )}
      </Group>
    </Paper>
  );
}

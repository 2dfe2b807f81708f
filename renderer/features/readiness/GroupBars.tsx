import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { ReadinessView } from '../../../shared/api/readiness';
import { SEVERITIES } from '../../../shared/domain/readiness/finding';
import { RULE_GROUP_LABEL } from '../../../shared/domain/readiness/groups';
import { SEVERITY_SWATCH } from '../../../shared/domain/status-palette';
import { SectionCard } from '../../components/SectionCard';
import { SEVERITY_LABEL } from '../../components/status';
import { fillVar } from '../../components/tone-fill';
import { groupBars } from './readiness-view';

const pct = (n: number, of: number) => (of === 0 ? 0 : (n * 100) / of);

/**
 * One stacked bar per area of the rules: checks passing (teal), then the failing ones by
 * severity (blocking red, major orange, minor grey), so a short teal bar says what is left and
 * how serious it is. Each bar's figures are written beside it for those who read rather than look.
 */
export function GroupBars({ readiness }: { readiness: ReadinessView }) {
  const bars = groupBars(readiness);
  return (
    <SectionCard title="Checks passing by area" testId="readiness-bars">
      <Stack gap="sm">
        {bars.map((b) => (
          <div key={b.group} data-testid="readiness-bar" data-group={b.group}>
            <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
              <Text size="sm" fw={600}>
                {RULE_GROUP_LABEL[b.group]}
              </Text>
              <Text size="xs" c="dimmed">
                {b.passing} of {b.checks} pass
                {SEVERITIES.filter((s) => b.failing[s] > 0)
                  .map((s) => ` · ${b.failing[s]} ${SEVERITY_LABEL[s].toLowerCase()}`)
                  .join('')}
              </Text>
            </Group>
            <Progress.Root size="md" radius="sm" aria-hidden>
              <Tooltip label={`${b.passing} passing`}>
                <Progress.Section value={pct(b.passing, b.checks)} color={fillVar('met', 'bg')} />
              </Tooltip>
              {SEVERITIES.map((s) => (
                <Tooltip key={s} label={`${b.failing[s]} ${SEVERITY_LABEL[s].toLowerCase()}`}>
                  <Progress.Section
                    value={pct(b.failing[s], b.checks)}
                    color={fillVar(SEVERITY_SWATCH[s], 'bg')}
                  />
                </Tooltip>
              ))}
            </Progress.Root>
          </div>
        ))}
      </Stack>
    </SectionCard>
  );
}

import { Badge, Group, Paper, RingProgress, Stack, Text } from '@mantine/core';
import type { ReadinessView } from '../../../shared/api/readiness';
import { SEVERITIES } from '../../../shared/domain/readiness/finding';
import { statusLine } from '../../../shared/domain/readiness/status-line';
import { formatDate, plural } from '../../components/format';
import { SEVERITY_LABEL, badgeStyle } from '../../components/status';
import { fillVar } from '../../components/tone-fill';
import { SEVERITY_SWATCH } from '../../../shared/domain/status-palette';

/**
 * The one status line, as the domain words it, with the share of checks passing as a ring
 * beside it (UX.md): blocking findings first, the percentage second. The ring stays yellow while
 * anything blocks — a share of checks passing is not readiness.
 */
export function StatusPanel({ readiness: r }: { readiness: ReadinessView }) {
  const line = statusLine(r, (iso) => formatDate(iso));
  return (
    <Paper withBorder p="lg" data-testid="readiness-status-card">
      <Group wrap="nowrap" gap="lg" align="center">
        <RingProgress
          size={92}
          thickness={9}
          roundCaps
          sections={[
            { value: r.percentPassing, color: fillVar(r.blocked ? 'partial' : 'met', 'bg') },
          ]}
          label={
            <Text ta="center" fw={700} size="md">
              {r.percentPassing} %
            </Text>
          }
          role="img"
          aria-label={`${r.percentPassing} % of checks pass`}
        />
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Text fw={600} size="lg" data-testid="readiness-status" data-blocked={r.blocked}>
            {line}
          </Text>
          <Group gap="xs">
            {SEVERITIES.map((s) => (
              <Badge
                key={s}
                variant="light"
                radius="sm"
                tt="none"
                fw={600}
                styles={badgeStyle(r.counts[s] > 0 ? SEVERITY_SWATCH[s] : 'neutral')}
                data-testid={`count-${s}`}
              >
                {SEVERITY_LABEL[s]}: {r.counts[s]}
              </Badge>
            ))}
            <Text size="sm" c="dimmed">
              Evaluated as of {formatDate(r.evaluatedOn)} · {r.passing} of{' '}
              {plural(r.checks, 'check')} pass
            </Text>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

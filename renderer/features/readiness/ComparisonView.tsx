import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ReviewComparison } from '../../../shared/api/readiness';
import type { Finding } from '../../../shared/domain/readiness/finding';
import { COVERAGE_LABEL } from '../gaps/labels';
import { SeverityBadge, badgeStyle } from '../../components/status';
import { formatDate } from '../../components/format';
import { fixTargetAddress, fixTargetLabel } from './fix-target-link';

/** Findings listed per side before "and N more": the large demo changes by hundreds at once. */
const LISTED = 40;

/** Figures where fewer is better, and those where more is. */
const FIGURES: {
  key: keyof ReviewComparison['figures'];
  label: string;
  better: 'less' | 'more';
}[] = [
  { key: 'blocking', label: 'Blocking findings', better: 'less' },
  { key: 'major', label: 'Major findings', better: 'less' },
  { key: 'minor', label: 'Minor findings', better: 'less' },
  { key: 'percentPassing', label: '% of checks passing', better: 'more' },
  { key: 'passing', label: 'Checks passing', better: 'more' },
  { key: 'checks', label: 'Checks made', better: 'more' },
];

function Delta({ from, to, better }: { from: number; to: number; better: 'less' | 'more' }) {
  if (from === to)
    return (
      <Text size="sm" c="dimmed">
        no change
      </Text>
    );
  const up = to > from;
  const good = better === 'more' ? up : !up;
  return (
    <Badge variant="light" radius="sm" tt="none" styles={badgeStyle(good ? 'met' : 'missing')}>
      {up ? '+' : '−'}
      {Math.abs(to - from)}
    </Badge>
  );
}

function FindingList(props: { title: string; findings: Finding[]; testId: string; none: string }) {
  const shown = props.findings.slice(0, LISTED);
  return (
    <Stack gap="xs" data-testid={props.testId}>
      <Title order={3} size="h5">
        {props.title} ({props.findings.length})
      </Title>
      {props.findings.length === 0 && (
        <Text size="sm" c="dimmed">
          {props.none}
        </Text>
      )}
      {shown.map((f, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="compared-finding">
          <SeverityBadge severity={f.severity} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} lineClamp={1}>
              {f.object}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {f.message}{' '}
              <Anchor component={Link} to={fixTargetAddress(f.target)} size="xs">
                {fixTargetLabel(f.target)}
              </Anchor>
            </Text>
          </Stack>
        </Group>
      ))}
      {props.findings.length > LISTED && (
        <Text size="xs" c="dimmed">
          and {props.findings.length - LISTED} more
        </Text>
      )}
    </Stack>
  );
}

/** Two reviews side by side: the figures moved, what improved, what regressed. */
export function ComparisonView({ comparison: c }: { comparison: ReviewComparison }) {
  const name = (r: ReviewComparison['from']) =>
    r.id === 'current'
      ? `today (${formatDate(r.evaluatedOn)})`
      : `${r.ref} (${formatDate(r.evaluatedOn)})`;
  return (
    <Stack gap="md" data-testid="comparison">
      <Text size="sm" fw={600}>
        From {name(c.from)} to {name(c.to)}
      </Text>
      <Table withTableBorder={false} fz="sm" maw={520} aria-label="Figures compared">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Figure</Table.Th>
            <Table.Th ta="right">{c.from.ref}</Table.Th>
            <Table.Th ta="right">{c.to.ref}</Table.Th>
            <Table.Th>Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {FIGURES.map((f) => (
            <Table.Tr key={f.key} data-figure={f.key}>
              <Table.Td>{f.label}</Table.Td>
              <Table.Td ta="right">{c.figures[f.key].from}</Table.Td>
              <Table.Td ta="right">{c.figures[f.key].to}</Table.Td>
              <Table.Td>
                <Delta {...c.figures[f.key]} better={f.better} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <FindingList
          title="Improved"
          testId="improved"
          findings={c.improved}
          none="No finding of the earlier review has gone."
        />
        <FindingList
          title="Regressed"
          testId="regressed"
          findings={c.regressed}
          none="No new finding since the earlier review."
        />
      </SimpleGrid>
      {c.criteria.length > 0 && (
        <Stack gap={4} data-testid="criteria-changes">
          <Title order={3} size="h5">
            Criteria whose status changed ({c.criteria.length})
          </Title>
          {c.criteria.map((k) => (
            <Text key={k.id} size="sm">
              <Text span className="attest-mono" fw={600}>
                {k.id}
              </Text>
              : {k.from ? COVERAGE_LABEL[k.from] : 'not in scope'} →{' '}
              {k.to ? COVERAGE_LABEL[k.to] : 'not in scope'}
            </Text>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        {c.unchanged.length} findings are in both reviews.
      </Text>
    </Stack>
  );
}

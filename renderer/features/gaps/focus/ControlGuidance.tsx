import { Anchor, Badge, Box, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { Control, VaultCriterion } from '../../../../shared/api/controls';
import {
  CONTROL_TYPE_LABELS,
  DOMAIN_LABELS,
  FREQUENCY_LABELS,
  NATURE_LABELS,
} from '../../../../shared/domain/catalog';
import { byCriterion } from '../coverage-map/coverage-groups';
import { badgeStyle } from '../../../components/status';
import { useGaps } from '../gaps-store';
import { controlWarnings } from '../table/control-filters';
import { SelfTestLine } from '../../testing/SelfTestLine';

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={6}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
        {props.title}
      </Text>
      {props.children}
    </Stack>
  );
}

/** One criterion's guidance: what it asks in a sentence, with its typical evidence under "more". */
function CriterionGuidance({ criterion }: { criterion: VaultCriterion }) {
  const [open, setOpen] = useState(false);
  return (
    <Box>
      <Group gap={8} wrap="nowrap" align="baseline">
        <Text size="sm" fw={600} className="attest-mono" style={{ flexShrink: 0 }}>
          {criterion.id}
        </Text>
        <Text size="sm" fw={500}>
          {criterion.title}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mt={2}>
        {criterion.guidance.asks}{' '}
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          {open ? 'less' : 'more'}
        </Anchor>
      </Text>
      {open && (
        <List size="sm" mt={4} spacing={2}>
          {criterion.guidance.typicalEvidence.map((e) => (
            <List.Item key={e}>{e}</List.Item>
          ))}
        </List>
      )}
    </Box>
  );
}

/** What the control is, what its criteria ask, how it is tested and what good evidence is. */
export function ControlGuidance({ control }: { control: Control }) {
  const criteria = useGaps((s) => s.criteria);
  const summary = useGaps((s) => s.summary);
  const warnings = controlWarnings(control, summary);
  const inScope = [...control.criteria]
    .sort(byCriterion)
    .map((id) => criteria.find((c) => c.id === id))
    .filter((c): c is VaultCriterion => c !== undefined);
  const outOfScope = control.criteria.filter((id) => !criteria.some((c) => c.id === id));
  return (
    <Paper withBorder p="lg" data-testid="control-guidance">
      <Stack gap="lg">
        <Stack gap={6}>
          <Group gap="xs">
            <Text fw={600} className="attest-mono" data-testid="control-ref">
              {control.ref}
            </Text>
            <Badge variant="light" color="gray" radius="sm" tt="none" fw={500}>
              {DOMAIN_LABELS[control.domain]}
            </Badge>
            <Text size="xs" c="dimmed">
              {FREQUENCY_LABELS[control.frequency]} · {NATURE_LABELS[control.nature]} ·{' '}
              {CONTROL_TYPE_LABELS[control.type]}
            </Text>
          </Group>
          <Title order={2} size="h2">
            {control.title}
          </Title>
          <Text size="sm">{control.description}</Text>
          <SelfTestLine controlId={control.id} />
          {warnings.length > 0 && (
            <Group gap={6} mt={4} data-testid="control-warnings">
              {warnings.map((w) => (
                <Badge
                  key={w.text}
                  variant="light"
                  styles={badgeStyle(w.tone)}
                  radius="sm"
                  tt="none"
                  fw={600}
                  leftSection={<IconAlertTriangle size={12} aria-hidden />}
                >
                  {w.text}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        <Section title="Criteria it serves">
          <Stack gap="sm">
            {inScope.map((c) => (
              <CriterionGuidance key={c.id} criterion={c} />
            ))}
            {outOfScope.length > 0 && (
              <Text size="xs" c="dimmed">
                Also mapped to {outOfScope.join(', ')}, outside this engagement’s scope.
              </Text>
            )}
          </Stack>
        </Section>
        {control.testProcedure && (
          <Section title="How an auditor tests it">
            <Text size="sm">{control.testProcedure}</Text>
            {control.testAttributes.length > 0 && (
              <List size="sm" spacing={2}>
                {control.testAttributes.map((a) => (
                  <List.Item key={a}>{a}</List.Item>
                ))}
              </List>
            )}
          </Section>
        )}
        {control.evidenceGuidance && (
          <Section title="What good evidence looks like">
            <Text size="sm">{control.evidenceGuidance}</Text>
          </Section>
        )}
      </Stack>
    </Paper>
  );
}

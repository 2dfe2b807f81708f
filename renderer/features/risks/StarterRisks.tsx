import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../app/notify';
import { CollapsibleCard } from '../../components/CollapsibleCard';
import { suggestionsStartOpen } from '../../components/collapse-rule';
import { plural } from '../../components/format';
import { RiskScore } from './RiskScore';
import { RISK_CATEGORY_LABEL } from './risk-labels';
import { useRiskActions, useRisks } from './risk-queries';

/**
 * Common SOC 2 risks written by Attest, offered one at a time: add it to the register (with the
 * controls that usually reduce it) or discard it. Either way it is not offered again. They sit
 * under the register and fold away (see collapse-rule.ts); the user's choice to open or fold
 * them stands while the page is shown.
 */
export function StarterRisks() {
  const starters = useRisks((s) => s.starters);
  const registerEmpty = useRisks((s) => s.risks.length === 0);
  const decide = useRiskActions().decideStarter;
  const [busy, setBusy] = useState<'accept' | 'discard' | null>(null);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const starter = starters[0];
  if (!starter) return null;
  const opened = chosen ?? suggestionsStartOpen(starters.length, registerEmpty);

  async function answer(accept: boolean) {
    if (!starter) return;
    setBusy(accept ? 'accept' : 'discard');
    try {
      await decide(starter.key, accept);
      notifySuccess(accept ? `Added “${starter.title}” to the register.` : 'Discarded.');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <CollapsibleCard
      title="Suggested risks"
      summary={`${plural(starters.length, 'common SOC 2 risk')} left to review: add each to the register, or discard it.`}
      opened={opened}
      onToggle={() => setChosen(!opened)}
      testId="starter-risks"
    >
      <Stack gap="xs" data-testid="starter-risk">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} data-testid="starter-title">
            {starter.title}
          </Text>
          <Group gap={6} wrap="nowrap">
            <Badge variant="light" color="gray" radius="sm" tt="none" fw={500}>
              {RISK_CATEGORY_LABEL[starter.category]}
            </Badge>
            <RiskScore likelihood={starter.likelihood} impact={starter.impact} />
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {starter.description}
        </Text>
        {starter.controlRefs.length > 0 && (
          <Text size="xs" c="dimmed">
            Usually reduced by{' '}
            <Text span size="xs" className="attest-mono">
              {starter.controlRefs.join(', ')}
            </Text>
          </Text>
        )}
        <Group gap="xs" mt={4}>
          <Button
            size="xs"
            leftSection={<IconCheck size={14} />}
            loading={busy === 'accept'}
            disabled={busy !== null}
            onClick={() => void answer(true)}
          >
            Add to register
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconX size={14} />}
            loading={busy === 'discard'}
            disabled={busy !== null}
            onClick={() => void answer(false)}
          >
            Discard
          </Button>
        </Group>
      </Stack>
    </CollapsibleCard>
  );
}

import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../app/notify';
import { RiskScore } from './RiskScore';
import { RISK_CATEGORY_LABEL } from './risk-labels';
import { useRiskActions, useRisks } from './risk-queries';

/**
 * Common SOC 2 risks written by Attest, offered one at a time: add it to the register (with the
 * controls that usually reduce it) or discard it. Either way it is not offered again.
 */
export function StarterRisks() {
  const starters = useRisks((s) => s.starters);
  const decide = useRiskActions().decideStarter;
  const [busy, setBusy] = useState<'accept' | 'discard' | null>(null);
  const starter = starters[0];
  if (!starter) return null;

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
    <Paper withBorder p="md" data-testid="starter-risk">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
            Suggested risk · {starters.length} left to review
          </Text>
          <Group gap={6}>
            <Badge variant="light" color="gray" radius="sm" tt="none" fw={500}>
              {RISK_CATEGORY_LABEL[starter.category]}
            </Badge>
            <RiskScore likelihood={starter.likelihood} impact={starter.impact} />
          </Group>
        </Group>
        <Text fw={600} data-testid="starter-title">
          {starter.title}
        </Text>
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
    </Paper>
  );
}

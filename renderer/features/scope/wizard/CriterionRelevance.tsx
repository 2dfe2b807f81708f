import { Badge, Box, Group, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { VaultCriterion } from '../../../../shared/api/controls';
import { useApi } from '../../../api/provider';
import { maxLengthOf } from '../../../components/form/limits';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { methods } from '../../../../shared/api/index';

/**
 * One in-scope criterion with its "not relevant" mark (DC 8). The mark is saved with its reason;
 * leaving the reason empty is refused by Attest and said under the field. A criterion carved out
 * to a vendor is refused here: it still applies.
 */
export function CriterionRelevance(props: { criterion: VaultCriterion; carvedOutTo: string[] }) {
  const { criterion: c, carvedOutTo } = props;
  const [initial] = useState(() => ({ reason: c.notRelevantReason }));
  const [refusal, setRefusal] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const client = useApi();
  // The mark is its reason: null is "applies", and an empty reason is refused by Attest.
  const { form, values, change, counter, flush } = useAutosaveForm<
    { reason: string | null },
    unknown
  >({
    values: initial,
    patchSchema: methods['criteria.setNotRelevant'].input,
    labels: { reason: `Why ${c.id} does not apply` },
    // The criteria and the description (marking one withdraws "every criterion applies") are
    // re-read by the change itself.
    saveField: (_field, reason) =>
      client.call('criteria.setNotRelevant', { id: c.id, reason: reason as string | null }),
  });
  const on = values.reason !== null;
  const reason = values.reason ?? '';

  const toggle = (next: boolean) => {
    if (next && carvedOutTo.length > 0) {
      setRefusal(
        `${c.id} is carved out to ${carvedOutTo.join(' and ')}: it still applies, met through their controls and your monitoring of them. A carve-out is not “not relevant”.`,
      );
      return;
    }
    setRefusal(null);
    if (next) {
      // Nothing to save until a reason is typed: the field opens empty, focused.
      form.setFieldValue('reason', '');
      setTimeout(() => reasonRef.current?.focus(), 0);
    } else change('reason', null, true);
  };

  return (
    <Box
      py="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      data-testid={`relevance-${c.id}`}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="lg">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={8} wrap="nowrap">
            <Text size="sm" fw={600} className="attest-mono">
              {c.id}
            </Text>
            <Text size="sm">{c.title}</Text>
            {carvedOutTo.length > 0 && (
              <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                Carved out · {carvedOutTo.join(', ')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {c.guidance.asks}
          </Text>
        </Stack>
        <Switch
          label="Not relevant"
          labelPosition="left"
          size="sm"
          checked={on}
          onChange={(e) => toggle(e.currentTarget.checked)}
          aria-label={`${c.id} not relevant`}
          error={refusal}
          styles={{ label: { whiteSpace: 'nowrap' }, error: { maxWidth: 340 } }}
        />
      </Group>
      {on && (
        <Textarea
          ref={reasonRef}
          mt="xs"
          label={`Why ${c.id} does not apply`}
          description={[
            'Required. The auditor reads this in the description (DC 8).',
            counter('reason'),
          ]
            .filter(Boolean)
            .join(' · ')}
          placeholder="e.g. The system has no physical premises: all hosting is with the cloud provider"
          autosize
          minRows={1}
          value={reason}
          maxLength={maxLengthOf(methods['criteria.setNotRelevant'].input, 'reason') ?? undefined}
          onChange={(e) => change('reason', e.currentTarget.value)}
          onBlur={() => {
            // Left empty: Attest's refusal says why a reason is needed, and nothing is marked.
            if (!reason.trim()) change('reason', '', true);
            else void flush();
          }}
          error={form.errors.reason}
        />
      )}
    </Box>
  );
}

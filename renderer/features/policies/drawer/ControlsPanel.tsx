import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { Policy } from '../../../../shared/api/policies';
import { FREQUENCY_LABELS } from '../../../../shared/domain/frequency';
import { timeLimitLabel } from '../../../../shared/domain/policy-template';
import { useApi } from '../../../api/provider';
import { notifyError } from '../../../app/notify';
import { ControlsMultiSelect } from '../../../components/ControlsMultiSelect';
import { useScopeControls } from '../../scope/scope-queries';
import { useConsistency } from '../policy-queries';
import { ConsistencyFindings } from './ConsistencyFindings';

/**
 * The controls this policy backs (the one policy ↔ control link), what it promises about them,
 * and where a control's frequency disagrees with the promise.
 */
export function ControlsPanel({ policy }: { policy: Policy }) {
  const api = useApi();
  const { controls } = useScopeControls();
  const consistency = useConsistency({ policyId: policy.id });
  const offered = useMemo(
    () => controls.filter((c) => !c.archived || policy.controlIds.includes(c.id)),
    [controls, policy.controlIds],
  );
  const refOf = (id: string) => controls.find((c) => c.id === id)?.ref ?? id;
  const save = (ids: string[]) =>
    void api.call('policies.setControls', { id: policy.id, controlIds: ids }).catch(notifyError);

  return (
    <Stack gap="lg">
      <ConsistencyFindings findings={consistency?.findings ?? []} side="policy" />
      <ControlsMultiSelect
        label="Linked controls"
        description="The controls that carry this policy out; a control rests on its policy through this link."
        controls={offered}
        value={policy.controlIds}
        onChange={save}
        data-testid="policy-controls"
      />
      <Stack gap="xs">
        <Title order={4}>What it promises</Title>
        {policy.promises.length === 0 ? (
          <Text size="sm" c="dimmed">
            No frequency or time limit recorded: a blank policy promises nothing Attest can check.
          </Text>
        ) : (
          <List size="sm" spacing={6}>
            {policy.promises.map((p) => (
              <List.Item key={p.id}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm">{p.text}</Text>
                  <Badge size="sm" variant="light" color="gray" tt="none" radius="sm">
                    {p.kind === 'frequency' && p.frequency
                      ? FREQUENCY_LABELS[p.frequency]
                      : p.within
                        ? `Within ${timeLimitLabel(p.within.amount, p.within.unit)}`
                        : ''}
                  </Badge>
                  {p.controlIds.map((id) => (
                    <Badge
                      key={id}
                      size="sm"
                      variant="default"
                      radius="sm"
                      tt="none"
                      className="attest-mono"
                    >
                      {refOf(id)}
                    </Badge>
                  ))}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {(consistency?.deadlines.length ?? 0) > 0 && (
          <Text size="xs" c="dimmed">
            Each time limit is the deadline the linked control’s occurrences are checked against.
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

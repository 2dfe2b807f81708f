import '@mantine/dates/styles.css';
import { Alert, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { Policy, PolicyVersion } from '../../../../shared/api/policies';
import { useApi } from '../../../api/provider';
import { notifyError, notifySuccess } from '../../../app/notify';
import { PersonSelect } from '../../../components/PersonSelect';
import { usePeople } from '../../people/people-store';
import { useToday } from '../../vault/today';
import { DateField } from '../../../components/DateField';

const asDay = (v: unknown): string | null => (typeof v === 'string' && v ? v.slice(0, 10) : null);

/**
 * Approving a draft: who approved it (from People), on which day, and from when it is in force
 * (the approval day unless stated). It asks once more, since an approved version never changes.
 */
export function ApproveForm({ policy, version }: { policy: Policy; version: PolicyVersion }) {
  const api = useApi();
  const today = useToday();
  const { items: people, currentPersonId } = usePeople();
  const [open, setOpen] = useState(false);
  const [approverId, setApproverId] = useState<string | null>(currentPersonId);
  const [approvedOn, setApprovedOn] = useState<string | null>(today);
  const [effectiveOn, setEffectiveOn] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open)
    return (
      <Group justify="flex-end">
        <Button
          variant="light"
          leftSection={<IconRosetteDiscountCheck size={16} aria-hidden />}
          onClick={() => setOpen(true)}
          disabled={!version.body.trim()}
          title={version.body.trim() ? undefined : 'Write the text first'}
        >
          Approve version {version.number}…
        </Button>
      </Group>
    );

  const approve = async () => {
    if (!approverId || !approvedOn) return;
    setBusy(true);
    try {
      await api.call('policies.approve', {
        versionId: version.id,
        approverId,
        approvedOn,
        ...(effectiveOn ? { effectiveOn } : {}),
      });
      notifySuccess(`Approved version ${version.number} of ${policy.title}.`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert
      variant="light"
      color="yellow"
      title={`Approve version ${version.number}?`}
      role="group"
      aria-label="Approve this version"
      data-testid="approve-form"
    >
      <Text size="sm" mb="sm">
        Once approved, version {version.number} can never change: later edits start a new draft. It
        is in force from its effective date until the next version takes effect.
      </Text>
      <SimpleGrid cols={3} spacing="sm" mb="sm">
        <PersonSelect
          label="Approved by"
          required
          people={people}
          value={approverId}
          onChange={setApproverId}
        />
        <DateField
          label="Approved on"
          required
          value={approvedOn}
          onChange={(day) => setApprovedOn(asDay(day))}
        />
        <DateField
          label="In force from"
          placeholder="The approval date"
          value={effectiveOn}
          min={approvedOn ?? undefined}
          onChange={(day) => setEffectiveOn(asDay(day))}
        />
      </SimpleGrid>
      <Group gap="sm">
        <Button loading={busy} disabled={!approverId || !approvedOn} onClick={() => void approve()}>
          Approve version {version.number}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </Button>
      </Group>
    </Alert>
  );
}

import { Badge, Group, NumberInput, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import type { Policy } from '../../../../shared/api/policies';
import { policyPatch } from '../../../../shared/api/policies';
import { useApi } from '../../../api/provider';
import { PersonSelect } from '../../../components/PersonSelect';
import { SideDrawer } from '../../../components/SideDrawer';
import { StatusBadge } from '../../../components/status';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { usePeople } from '../../people/people-store';
import { POLICY_STATUS } from '../labels';
import { usePolicy } from '../policy-queries';
import { AcknowledgementsPanel } from './AcknowledgementsPanel';
import { ControlsPanel } from './ControlsPanel';
import { TextPanel } from './TextPanel';
import { VersionsPanel } from './VersionsPanel';
import { RecordHistory } from '../../history/RecordHistory';

type FactValues = {
  title: string;
  ownerId: string | null;
  reviewMonths: number;
  acknowledgeWithinDays: number;
};

const LABELS: Record<keyof FactValues, string> = {
  title: 'Title',
  ownerId: 'Owner',
  reviewMonths: 'Review cycle',
  acknowledgeWithinDays: 'Acknowledgement deadline',
};

/** One policy: its facts (saved as typed), its text, versions, controls and acknowledgements. */
export function PolicyDrawer(props: { policyId: string | null; onClose(): void }) {
  const query = usePolicy(props.policyId);
  const policy = query.data && query.data.id === props.policyId ? query.data : null;
  return (
    <SideDrawer
      opened={props.policyId !== null}
      onClose={props.onClose}
      size={1080}
      title={
        <Group gap="sm">
          <span>{policy?.title ?? 'Policy'}</span>
          {policy && (
            <StatusBadge tone={POLICY_STATUS[policy.status].tone}>
              {POLICY_STATUS[policy.status].label}
            </StatusBadge>
          )}
        </Group>
      }
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
      data-testid="policy-drawer"
    >
      {policy && <PolicyDetail key={policy.id} policy={policy} />}
    </SideDrawer>
  );
}

function PolicyDetail({ policy }: { policy: Policy }) {
  return (
    <Stack gap="md">
      <PolicyFacts policy={policy} />
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="text">Text</Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
          <Tabs.Tab value="controls">
            Controls{' '}
            <Badge size="xs" variant="light" color="gray" ml={4}>
              {policy.controlIds.length}
            </Badge>
          </Tabs.Tab>
          <Tabs.Tab value="acks">Acknowledgements</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text">
          <TextPanel policy={policy} />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsPanel policy={policy} />
        </Tabs.Panel>
        <Tabs.Panel value="controls">
          <ControlsPanel policy={policy} />
        </Tabs.Panel>
        <Tabs.Panel value="acks">
          <AcknowledgementsPanel policy={policy} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <RecordHistory id={policy.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function PolicyFacts({ policy }: { policy: Policy }) {
  const api = useApi();
  const people = usePeople((s) => s.items);
  const { field } = useAutosaveForm<FactValues, Policy>({
    values: {
      title: policy.title,
      ownerId: policy.ownerId,
      reviewMonths: policy.reviewMonths,
      acknowledgeWithinDays: policy.acknowledgeWithinDays,
    },
    patchSchema: policyPatch,
    labels: LABELS,
    saveField: (name, value) =>
      api.call('policies.update', { id: policy.id, patch: { [name]: value } }),
  });
  const owner = field('ownerId');
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <TextInput label="Title" required {...field('title')} />
        <PersonSelect
          label="Owner"
          people={people}
          value={owner.value as string | null}
          onChange={(id) => owner.onChange(id)}
          error={owner.error}
        />
        <NumberInput label="Review every (months)" min={1} max={60} {...field('reviewMonths')} />
        <NumberInput
          label="Acknowledge within (days)"
          min={1}
          max={365}
          {...field('acknowledgeWithinDays')}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Changes are saved as you type. A new review cycle applies from the next approval.
      </Text>
    </Stack>
  );
}

import {
  Button,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  type Control,
  type CriterionRole,
  setCriterionRoleInput,
} from '../../../../shared/api/controls';
import { notifyError, notifySuccess } from '../../../app/notify';
import { maxLengthOf } from '../../../components/form/limits';
import { useSetCriterionRole, useUpdateControl } from '../control-actions';

const REASON_MAX = maxLengthOf(setCriterionRoleInput, 'reason') ?? 2000;

/**
 * Demoting asks why: the criterion then rests on its other key controls, and an auditor will ask.
 * The reason is kept in the audit log with the change.
 */
function DemoteForm(props: { control: Control; criterionId: string; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setRole = useSetCriterionRole();
  const submit = async () => {
    setBusy(true);
    try {
      await setRole({
        id: props.control.id,
        criterionId: props.criterionId,
        role: 'supporting',
        reason,
      });
      notifySuccess(`${props.control.ref} now only supports ${props.criterionId}.`);
      props.onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" pl="md" data-testid={`demote-${props.criterionId}`}>
      <Textarea
        label={`Why is ${props.control.ref} no longer key for ${props.criterionId}?`}
        description="Kept in the audit log. The criterion is then met by its other key controls."
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setError(null);
        }}
        maxLength={REASON_MAX}
        autosize
        minRows={2}
        error={error}
        data-autofocus
      />
      <Group gap="xs" justify="flex-end">
        <Button variant="default" size="xs" onClick={props.onDone} disabled={busy}>
          Keep it key
        </Button>
        <Button
          size="xs"
          loading={busy}
          disabled={reason.trim() === ''}
          onClick={() => void submit()}
        >
          Make supporting
        </Button>
      </Group>
    </Stack>
  );
}

/** Per mapped criterion: key (it must be met for the criterion to be) or supporting. */
function CriterionRoles({ control }: { control: Control }) {
  const [demoting, setDemoting] = useState<string | null>(null);
  const setRole = useSetCriterionRole();
  const supporting = new Set(control.supportingCriteria);
  const choose = async (criterionId: string, role: CriterionRole) => {
    if (role === 'supporting') {
      setDemoting(criterionId);
      return;
    }
    try {
      await setRole({ id: control.id, criterionId, role });
      notifySuccess(`${control.ref} is a key control for ${criterionId} again.`);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack gap="xs" data-testid="criterion-roles">
      <Text size="sm" c="dimmed">
        A criterion is met only when every key control mapped to it is implemented with reviewed
        evidence. A supporting control helps but never meets a criterion alone.
      </Text>
      {control.criteria.map((criterionId) => {
        const role: CriterionRole = supporting.has(criterionId) ? 'supporting' : 'key';
        return (
          <Stack key={criterionId} gap={4}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500} id={`role-label-${criterionId}`}>
                {criterionId}
              </Text>
              <SegmentedControl
                size="xs"
                aria-labelledby={`role-label-${criterionId}`}
                data-testid={`role-${criterionId}`}
                value={demoting === criterionId ? 'supporting' : role}
                onChange={(value) => void choose(criterionId, value as CriterionRole)}
                data={[
                  { value: 'key', label: 'Key' },
                  { value: 'supporting', label: 'Supporting' },
                ]}
                disabled={control.archived}
              />
            </Group>
            {demoting === criterionId && role === 'key' && (
              <DemoteForm
                control={control}
                criterionId={criterionId}
                onDone={() => setDemoting(null)}
              />
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** "In the description (will be tested)": the user's choice, or the default while unset. */
function InDescription({ control }: { control: Control }) {
  const updateControl = useUpdateControl();
  const save = async (inDescription: boolean | null) => {
    try {
      await updateControl(control.id, { inDescription });
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack gap={4}>
      <Switch
        label="In the description (will be tested)"
        description={
          control.inDescription === null
            ? 'Following the default: in the description once it is implemented. The auditor tests every control described; one without reviewed evidence is a finding, even when it only supports.'
            : 'The auditor tests every control described; one without reviewed evidence is a finding, even when it only supports.'
        }
        checked={control.inDescription ?? true}
        onChange={(e) => void save(e.currentTarget.checked)}
        disabled={control.archived}
        data-testid="in-description"
      />
      {control.inDescription !== null && (
        <Group>
          <Button variant="subtle" size="compact-xs" onClick={() => void save(null)}>
            Use the default
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** How the control counts for its criteria and whether the auditor will test it. */
export function ControlTesting({ control }: { control: Control }) {
  return (
    <Stack gap="sm" data-testid="control-testing">
      <Title order={3} size="h4">
        Key or supporting
      </Title>
      <CriterionRoles control={control} />
      <InDescription control={control} />
    </Stack>
  );
}

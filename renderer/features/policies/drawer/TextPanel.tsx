import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconEdit, IconLock } from '@tabler/icons-react';
import { useDeferredValue } from 'react';
import type { Policy, PolicyVersion } from '../../../../shared/api/policies';
import { draftPatch } from '../../../../shared/api/policies';
import { useApi } from '../../../api/provider';
import { notifyError, notifySuccess } from '../../../app/notify';
import { formatDate, plural } from '../../../components/format';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { personName, usePeople } from '../../people/people-store';
import { Markdown } from '../../sd/Markdown';
import { useVersion, useVersions } from '../policy-queries';
import { ApproveForm } from './ApproveForm';
import { ExportVersionMenu } from './ExportVersionMenu';

/**
 * The policy's text: the draft in an editor beside its live preview (saved as typed), or — when
 * nothing is in draft — the approved version, locked, with "Edit starts a new draft".
 */
export function TextPanel({ policy }: { policy: Policy }) {
  const versions = useVersions(policy.id);
  const shownId = policy.draftVersionId ?? policy.inForceVersionId ?? versions[0]?.id ?? null;
  const version = useVersion(shownId).data;
  if (policy.status === 'not_written') return <NotWritten policy={policy} />;
  if (!version || version.id !== shownId) return null;
  return version.status === 'draft' ? (
    <DraftEditor key={version.id} policy={policy} version={version} />
  ) : (
    <LockedVersion policy={policy} version={version} />
  );
}

function NotWritten({ policy }: { policy: Policy }) {
  const api = useApi();
  const write = async () => {
    try {
      if (policy.templateKey) {
        const out = await api.call('policies.createFromTemplate', {
          templateKey: policy.templateKey,
          ownerId: policy.ownerId,
          reviewMonths: policy.reviewMonths,
        });
        notifySuccess(
          out.problems.length
            ? `Wrote a first draft; ${plural(out.problems.length, 'value')} to complete, marked “To be completed”.`
            : 'Wrote a first draft from the template.',
        );
      } else {
        await api.call('policies.startDraft', { policyId: policy.id });
      }
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Alert variant="light" color="gray" title="Not written yet">
      <Text size="sm" mb="sm">
        {policy.controlIds.length > 0
          ? `${plural(policy.controlIds.length, 'control')} ${policy.controlIds.length === 1 ? 'rests' : 'rest'} on this policy. `
          : ''}
        Write its first draft, then approve it to put it in force.
      </Text>
      <Button size="sm" onClick={() => void write()}>
        {policy.templateKey ? 'Write from the template' : 'Start a blank draft'}
      </Button>
    </Alert>
  );
}

type DraftValues = { body: string; changeNote: string };

function DraftEditor({ policy, version }: { policy: Policy; version: PolicyVersion }) {
  const api = useApi();
  const { field, values, counter } = useAutosaveForm<DraftValues, PolicyVersion>({
    values: { body: version.body, changeNote: version.changeNote },
    patchSchema: draftPatch,
    labels: { body: 'Policy text', changeNote: 'Change note' },
    saveField: (name, value) =>
      api.call('policies.updateDraft', { versionId: version.id, patch: { [name]: value } }),
  });
  // The preview follows the text without holding up typing in a long policy.
  const preview = useDeferredValue(values.body);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Version {version.number} · draft · saved as you type
        </Text>
        <ExportVersionMenu policy={policy} version={version} />
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <Textarea
          label="Text (Markdown)"
          description="# headings, - lists, | tables |; [To be completed: …] marks a gap."
          autosize
          minRows={20}
          maxRows={32}
          classNames={{ input: 'attest-mono' }}
          styles={{ input: { fontSize: 'var(--mantine-font-size-xs)', lineHeight: 1.6 } }}
          data-testid="policy-editor"
          {...field('body')}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Preview
          </Text>
          <div
            className="attest-policy-preview"
            data-testid="policy-preview"
            // It scrolls on its own: reachable by keyboard, and named for screen readers.
            tabIndex={0}
            role="region"
            aria-label="Preview"
          >
            <Markdown markdown={preview} headingBase={3} />
          </div>
        </Stack>
      </SimpleGrid>
      <Text size="xs" c="dimmed" ta="right">
        {counter('body')}
      </Text>
      <TextInput
        label="Change note"
        description="What changed in this version, for the versions list and the export"
        {...field('changeNote')}
      />
      <ApproveForm policy={policy} version={version} />
    </Stack>
  );
}

function LockedVersion({ policy, version }: { policy: Policy; version: PolicyVersion }) {
  const api = useApi();
  const people = usePeople((s) => s.items);
  const approver = personName(people, version.approverId) ?? 'someone no longer listed';
  const startDraft = async () => {
    try {
      await api.call('policies.startDraft', { policyId: policy.id });
      notifySuccess(`Started version ${version.number + 1} as a draft.`);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack gap="md">
      <Alert
        variant="light"
        color="teal"
        icon={<IconLock size={18} aria-hidden />}
        title={`Version ${version.number} is approved and locked`}
        data-testid="version-locked"
      >
        <Text size="sm">
          Approved by {approver} on {formatDate(version.approvedOn!)}
          {version.inForceFrom
            ? `; in force from ${formatDate(version.inForceFrom)}${version.inForceUntil ? ` until ${formatDate(version.inForceUntil)}` : ''}`
            : `; takes effect on ${formatDate(version.effectiveOn!)}`}
          {version.nextReviewOn ? `; next review by ${formatDate(version.nextReviewOn)}` : ''}. An
          approved version never changes.
        </Text>
        <Group mt="sm" gap="sm">
          <Button size="sm" leftSection={<IconEdit size={16} />} onClick={() => void startDraft()}>
            Edit starts a new draft
          </Button>
          <ExportVersionMenu policy={policy} version={version} />
        </Group>
      </Alert>
      <div
        className="attest-policy-preview"
        data-testid="policy-preview"
        // It scrolls on its own: reachable by keyboard, and named for screen readers.
        tabIndex={0}
        role="region"
        aria-label="Preview"
      >
        <Markdown markdown={version.body} headingBase={3} />
      </div>
    </Stack>
  );
}

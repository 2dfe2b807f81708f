import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditorIdentityInfo } from '../../../shared/api/methods/auditor';
import { toApiCallError } from '../../api';
import { useApi } from '../../api/provider';
import { notifySuccess } from '../../app/notify';
import { Facts } from '../../components/Facts';
import { FullFingerprint } from './FullFingerprint';
import { refreshDraft } from './auditor-queries';

function IdentityForm(props: { current: AuditorIdentityInfo | null; onDone(): void }) {
  const client = useApi();
  const queries = useQueryClient();
  const [form, setForm] = useState({
    name: props.current?.name ?? '',
    firm: props.current?.firm ?? '',
    email: props.current?.email ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      await client.call('auditor.setIdentity', {
        name: form.name,
        firm: form.firm,
        ...(form.email.trim() ? { email: form.email } : {}),
      });
      await refreshDraft(queries);
      notifySuccess('Saved who you are. Your responses are signed with your key.');
      props.onDone();
    } catch (e) {
      const err = toApiCallError(e);
      const byField: Record<string, string> = {};
      for (const issue of err.issues) byField[issue.path[0] ?? 'name'] ??= issue.message;
      setErrors(err.issues.length > 0 ? byField : { name: err.message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm" maw={520}>
      <TextInput
        label="Your name"
        required
        maxLength={200}
        value={form.name}
        error={errors.name}
        onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
      />
      <TextInput
        label="Audit firm"
        required
        maxLength={200}
        value={form.firm}
        error={errors.firm}
        onChange={(e) => setForm({ ...form, firm: e.currentTarget.value })}
      />
      <TextInput
        label="E-mail"
        maxLength={320}
        value={form.email}
        error={errors.email}
        onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
      />
      <Group gap="xs">
        <Button onClick={() => void submit()} loading={busy}>
          {props.current ? 'Save' : 'Save and create my key'}
        </Button>
        {props.current && (
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/**
 * Who signs the response: asked once (the key is made on this computer the first time and kept),
 * then shown with the key's fingerprint for the consultant to confirm by another channel.
 */
export function IdentityCard(props: { identity: AuditorIdentityInfo | null }) {
  const [editing, setEditing] = useState(false);
  const { identity } = props;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="auditor-identity">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {identity ? 'Signed by you' : 'Who you are'}
          </Title>
          {identity && !editing && (
            <Button variant="subtle" size="xs" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
        </Group>
        {!identity || editing ? (
          <>
            <Text size="sm" c="dimmed" maw={640}>
              Your response is signed with a key Attest makes on this computer the first time and
              keeps. Tell the consultant its fingerprint by another channel, so they know the
              response is yours.
            </Text>
            <IdentityForm current={identity} onDone={() => setEditing(false)} />
          </>
        ) : (
          <Facts
            items={[
              { label: 'Name', value: identity.name },
              { label: 'Firm', value: identity.firm },
              ...(identity.email ? [{ label: 'E-mail', value: identity.email }] : []),
              {
                label: 'Your key',
                value: (
                  <FullFingerprint
                    value={identity.fingerprint}
                    label="Your key fingerprint"
                    testId="auditor-fingerprint"
                  />
                ),
              },
            ]}
          />
        )}
      </Stack>
    </Paper>
  );
}

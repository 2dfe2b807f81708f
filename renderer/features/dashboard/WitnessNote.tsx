import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconEye, IconHistory } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import type { Witness } from '../../../shared/api/witness';
import { notifyError, notifySuccess } from '../../app/notify';
import { WarningAlert } from '../../components/WarningAlert';
import { formatInstant, plural } from '../../components/format';
import { showBackups } from '../vault/actions';
import { useAcceptWitness, useWitness } from './witness-queries';

/** Sound, or nothing to compare with: a line in the Integrity card, not a notice. */
export function isQuiet(witness: Witness): boolean {
  return witness.status === 'sound' || witness.status === 'unwitnessed';
}

/**
 * At the top of the Dashboard: a vault behind, diverged from or rewritten against what this
 * computer recorded, with the decision it waits for. The verdict is read at each opening and
 * re-read when the vault or the witness changed (see `useWitness`).
 */
export function WitnessNotice() {
  const witness = useWitness();
  if (!witness || isQuiet(witness)) return null;
  return <WitnessNote witness={witness} />;
}

/**
 * The witness's verdict, in words: the audit chain compared with the heads this computer kept
 * outside the vault. Sound and "not witnessed here" are quiet lines; behind and diverged are
 * warnings with the decision they wait for; rewritten is a problem, with the way back.
 */
export function WitnessNote({ witness }: { witness: Witness }) {
  const latest = witness.latest;
  const matched = witness.matched;
  switch (witness.status) {
    case 'sound':
      return (
        <Quiet testId="witness-sound">
          Witnessed on this computer: the audit chain continues what was recorded
          {latest
            ? latest.event === 'restore'
              ? ` when a backup was restored, ${formatInstant(latest.at)}`
              : ` ${formatInstant(latest.at)}`
            : ''}
          .
        </Quiet>
      );
    case 'unwitnessed':
      return (
        <Quiet testId="witness-unwitnessed">
          Not witnessed on this computer before (a vault from another computer): there is nothing to
          compare its audit chain with yet.
        </Quiet>
      );
    case 'behind':
      return (
        <WarningAlert title="Behind what this computer last saw" data-testid="witness-behind">
          <Stack gap="xs">
            <Text size="sm">
              This vault is {plural(witness.entriesBehind ?? 0, 'audit entry', 'audit entries')}{' '}
              behind what this computer last saw
              {latest ? ` on ${formatInstant(latest.at)}` : ''}: a restored backup or an older copy?
              Nothing in it was changed outside Attest.
            </Text>
            <AcceptButton />
          </Stack>
        </WarningAlert>
      );
    case 'diverged':
      return (
        <WarningAlert title="This vault went its own way" data-testid="witness-diverged">
          <Stack gap="xs">
            <Text size="sm">
              Its audit chain continues entry {matched?.seq}
              {matched ? `, recorded ${formatInstant(matched.at)},` : ''} but not the newest entry
              this computer saw ({latest?.seq}
              {latest ? `, ${formatInstant(latest.at)}` : ''}). A copy saved from it and edited
              elsewhere? If no copy was edited, treat it as a change made outside Attest.
            </Text>
            <AcceptButton />
          </Stack>
        </WarningAlert>
      );
    case 'rewritten':
      return (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title="The audit history was rewritten"
          data-testid="witness-rewritten"
        >
          <Stack gap="xs">
            <Text size="sm">{witness.message}</Text>
            <BackupsButton />
          </Stack>
        </Alert>
      );
  }
}

function Quiet({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid={testId}>
      <IconEye size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Group>
  );
}

function AcceptButton() {
  const [busy, setBusy] = useState(false);
  const accept = useAcceptWitness();
  return (
    <Group>
      <Button
        size="xs"
        variant="default"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await accept();
            notifySuccess(
              'Accepted: this vault’s history is now the baseline this computer compares it with.',
            );
          } catch (e) {
            notifyError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        Accept as the new baseline
      </Button>
    </Group>
  );
}

/** Opens the vault's backups: the way back from a vault that is not what it should be. */
export function BackupsButton() {
  return (
    <Group>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconHistory size={14} aria-hidden />}
        onClick={showBackups}
      >
        Backups…
      </Button>
    </Group>
  );
}

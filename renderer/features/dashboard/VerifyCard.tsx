import { Alert, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import type { JobProgress } from '../../../shared/api/jobs';
import type { VerifyReport } from '../../../shared/api/vault';
import { SectionCard } from '../../components/SectionCard';
import { formatBytes, formatEta, formatInstant, plural } from '../../components/format';
import { useVerify } from './verify-job';
import { BackupsButton, WitnessNote, isQuiet } from './WitnessNote';
import { useWitness } from './witness-queries';

const MAX_LISTED = 50;

function progressText(p: JobProgress | null): { percent: number | null; text: string } {
  if (!p || (!p.filesTotal && !p.bytesTotal)) {
    return { percent: null, text: 'Checking the audit chain and every record…' };
  }
  const parts: string[] = [];
  if (p.filesTotal) parts.push(`${p.filesDone ?? 0} of ${plural(p.filesTotal, 'stored file')}`);
  if (p.bytesTotal) parts.push(`${formatBytes(p.bytesDone ?? 0)} of ${formatBytes(p.bytesTotal)}`);
  if (p.bytesPerSecond) parts.push(`${formatBytes(p.bytesPerSecond)}/s`);
  if (p.etaSeconds !== undefined && formatEta(p.etaSeconds))
    parts.push(`${formatEta(p.etaSeconds)} left`);
  const percent = p.bytesTotal
    ? ((p.bytesDone ?? 0) / p.bytesTotal) * 100
    : ((p.filesDone ?? 0) / (p.filesTotal ?? 1)) * 100;
  return { percent, text: parts.join(' · ') };
}

function Report({ report }: { report: VerifyReport }) {
  const checked = `${plural(report.checked.auditEntries, 'audit entry', 'audit entries')}, ${plural(report.checked.rows, 'record')} and ${plural(report.checked.blobs, 'stored file')} (${formatBytes(report.checked.blobBytes)}), ${formatInstant(report.checkedAt)}`;
  if (report.ok) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconShieldCheck size={18} />}
        title="The vault is sound"
        data-testid="verify-result"
      >
        Every record matches its last audit entry, the audit chain holds together and every stored
        file matches its hash. Checked {checked}. (The chain shows any change made outside Attest
        unless someone recomputed all of it; the witness below, kept on this computer outside the
        vault, is what catches that.)
      </Alert>
    );
  }
  const listed = report.problems.slice(0, MAX_LISTED);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`${plural(report.problems.length, 'problem')} found`}
      data-testid="verify-result"
    >
      <Stack gap="xs">
        <Text size="sm">
          Something in this vault changed outside Attest. Restore it from a backup, or keep it as it
          is and note the problems for the auditor. Checked {checked}.
        </Text>
        <List size="sm" spacing={2}>
          {listed.map((p, i) => (
            <List.Item key={i}>{p.message}</List.Item>
          ))}
        </List>
        {report.problems.length > MAX_LISTED && (
          <Text size="sm" c="dimmed">
            and {report.problems.length - MAX_LISTED} more.
          </Text>
        )}
        <BackupsButton />
      </Stack>
    </Alert>
  );
}

/** "Verify vault": progress while it runs, then the report; and what the witness says. */
export function VerifyCard() {
  const verify = useVerify();
  const witness = useWitness();
  const { running, report } = verify;
  const progress = progressText(verify.progress);
  return (
    <SectionCard title="Integrity" testId="verify-card">
      {running ? (
        <Stack gap="xs" data-testid="verify-progress">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{progress.text}</Text>
            <Button variant="default" size="xs" onClick={() => verify.cancel()}>
              Cancel
            </Button>
          </Group>
          <Progress
            value={progress.percent ?? 100}
            striped={progress.percent === null}
            animated={progress.percent === null}
            aria-label="Verification progress"
          />
        </Stack>
      ) : report ? (
        <Report report={report} />
      ) : (
        <Text size="sm" c="dimmed">
          Not verified in this session. Verifying recomputes the audit chain, checks every record
          against its last audit entry and re-hashes every stored file; nothing is changed.
        </Text>
      )}
      {/* Only the quiet verdicts: the others are a notice at the top of the Dashboard. */}
      {witness && !running && isQuiet(witness) && (
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <WitnessNote witness={witness} />
        </div>
      )}
    </SectionCard>
  );
}

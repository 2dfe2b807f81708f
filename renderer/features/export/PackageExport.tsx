import { Alert, Anchor, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import { useState } from 'react';
import {
  PACKAGE_CATEGORIES,
  type PackageCategory,
  type PackageExportResult,
} from '../../../shared/api/package';
import { useApi } from '../../api/provider';
import { chooseSaveTarget, deliverOutput } from '../../api/save-output';
import { useJob } from '../../api/use-job';
import { notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';
import { SectionCard } from '../../components/SectionCard';
import { formatBytes, groupHash } from '../../components/format';
import { DeltaSince, type EarlierPackage, sinceInput, sinceRefusal } from './DeltaSince';

const PART_LABELS: Record<PackageCategory, string> = {
  index: 'Indexes (evidence, request list, control matrix)',
  'system-description': 'System description, assertion, CUECs, subservice list',
  policies: 'Policies in force during the period',
  evidence: 'Evidence files',
  populations: 'Populations with their completeness files',
  subservice: 'Vendor reports and review notes',
};

/**
 * The audit package (DESIGN §6): what to include, where to save it, progress with Cancel, then
 * where it went and the fingerprint to send to the auditor by another channel.
 */
export function PackageExport({ defaultName }: { defaultName: string }) {
  const client = useApi();
  const job = useJob();
  const [parts, setParts] = useState<PackageCategory[]>([...PACKAGE_CATEGORIES]);
  const [approvedPoliciesOnly, setApproved] = useState(false);
  const [reviewedEvidenceOnly, setReviewed] = useState(false);
  const [byRequest, setByRequest] = useState(false);
  const [internal, setInternal] = useState(false);
  const [delta, setDelta] = useState(false);
  const [earlier, setEarlier] = useState<EarlierPackage | null>(null);
  const [sinceError, setSinceError] = useState<string | null>(null);
  const [result, setResult] = useState<PackageExportResult | null>(null);
  const missingEarlier = delta && !earlier;

  const run = async () => {
    const name = delta ? defaultName.replace(/\.zip$/, '_delta.zip') : defaultName;
    const target = await chooseSaveTarget(client, name, 'zip', 'Save the audit package');
    if (!target) return;
    setResult(null);
    setSinceError(null);
    const since = delta && earlier ? sinceInput(earlier) : undefined;
    // A browser's upload is used up by the export (whatever its outcome): choose it again.
    if (since && 'uploadId' in since) setEarlier(null);
    const done = await job.run(
      since ? 'Exporting a delta package' : 'Exporting the audit package',
      'package.export',
      {
        categories: parts,
        approvedPoliciesOnly,
        reviewedEvidenceOnly,
        byRequest,
        internal,
        ...(since ? { since } : {}),
        ...target,
      },
      (error) => setSinceError(sinceRefusal(error)),
    );
    if (!done) return;
    setResult(done);
    deliverOutput(done);
    notifySuccess(
      done.delta
        ? `Delta package exported: ${done.delta.new} new, ${done.delta.changed} changed, ${done.delta.removed} removed.`
        : `Audit package exported: ${done.files} files.`,
    );
  };

  return (
    <SectionCard title="Audit package">
      <Stack gap="md" data-testid="package-export">
        <Text size="sm">
          One signed zip for your auditor: a README, an offline viewer, the indexes and the files,
          with a manifest of hashes so they can check that nothing changed.
        </Text>
        <Checkbox.Group
          label="Include"
          value={parts}
          onChange={(v) => setParts(v as PackageCategory[])}
        >
          <Stack gap={6} mt={6}>
            {PACKAGE_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={PART_LABELS[c]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Stack gap={6}>
          <Checkbox
            label="Approved policies only (no drafts)"
            checked={approvedPoliciesOnly}
            onChange={(e) => setApproved(e.currentTarget.checked)}
          />
          <Checkbox
            label="Only evidence that is reviewed and inside the period"
            checked={reviewedEvidenceOnly}
            onChange={(e) => setReviewed(e.currentTarget.checked)}
          />
          <Checkbox
            label="Lay evidence out by request instead of by control"
            checked={byRequest}
            onChange={(e) => setByRequest(e.currentTarget.checked)}
          />
          <Checkbox
            label="Include internal working papers (your own test worksheets and deviations)"
            description="Off by default: the package gives the auditor evidence, not your conclusions."
            checked={internal}
            onChange={(e) => setInternal(e.currentTarget.checked)}
          />
        </Stack>
        <DeltaSince
          enabled={delta}
          onEnabled={setDelta}
          earlier={earlier}
          onEarlier={setEarlier}
          error={sinceError}
          onError={setSinceError}
          busy={!!job.running}
        />
        {job.running ? (
          <JobProgressLine
            label={job.running.label}
            progress={job.running.progress}
            onCancel={job.cancel}
          />
        ) : (
          <Group>
            <Button
              leftSection={<IconPackageExport size={16} aria-hidden />}
              onClick={() => void run()}
              disabled={parts.length === 0 || missingEarlier}
            >
              {delta ? 'Export delta package…' : 'Export audit package…'}
            </Button>
            {parts.length === 0 ? (
              <Text size="xs" c="dimmed">
                Choose at least one part to include.
              </Text>
            ) : (
              missingEarlier && (
                <Text size="xs" c="dimmed">
                  Choose the earlier package this delta follows.
                </Text>
              )
            )}
          </Group>
        )}
        {result && (
          <Alert
            color="teal"
            title={result.delta ? 'Delta package exported' : 'Package exported'}
            data-testid="package-result"
          >
            <Stack gap={4}>
              {result.delta && (
                <Text size="sm" data-testid="package-delta">
                  Since the earlier package: {result.delta.new} new, {result.delta.changed} changed,{' '}
                  {result.delta.unchanged} unchanged (left out), {result.delta.removed} removed.
                </Text>
              )}
              <Text size="sm">
                {result.savedTo ? (
                  <>Saved to {result.savedTo}</>
                ) : (
                  <Anchor href={result.download!} download={result.fileName}>
                    {result.fileName}
                  </Anchor>
                )}
                {` — ${result.files} files, ${formatBytes(result.size)}.`}
              </Text>
              <Text size="sm">
                Send this key fingerprint to your auditor by another channel (a call, a separate
                message), so they can check the package came from this vault:
              </Text>
              <Text size="sm" className="attest-mono" data-testid="package-fingerprint">
                {groupHash(result.fingerprint)}
              </Text>
            </Stack>
          </Alert>
        )}
      </Stack>
    </SectionCard>
  );
}

import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { formatReportScope } from '../../components/format';
import { useOpenAuditPackage } from './auditor-queries';
import { DeltaNotice } from './DeltaNotice';
import { VerifiedCard } from './VerificationResult';

/** The first view of an open package: its check, said prominently, with the key to compare. */
export function PackageOverview() {
  const pkg = useOpenAuditPackage();
  if (!pkg) return null;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Audit package"
        purpose="What the consultant exported, checked before it was opened. Nothing here can change it; your comments, requests and sample picks go into a response you save and send back."
      />
      <VerifiedCard
        report={pkg.report}
        fingerprint={pkg.fingerprint}
        engagement={pkg.engagement}
        client={pkg.client}
        period={formatReportScope({
          reportType: pkg.type,
          asOf: pkg.asOf,
          period:
            pkg.periodStart && pkg.periodEnd
              ? { start: pkg.periodStart, end: pkg.periodEnd }
              : null,
        })}
      />
      {/* After the check: what the auditor must know before reading "missing" into a delta. */}
      {pkg.delta && <DeltaNotice delta={pkg.delta} />}
    </Stack>
  );
}

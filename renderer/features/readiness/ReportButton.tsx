import { Box, Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useApi } from '../../api/provider';
import { chooseSaveTarget, deliverOutput, savedMessage } from '../../api/save-output';
import { useJob } from '../../api/use-job';
import { notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';

/**
 * The readiness report as a PDF for management (`readiness.report`): saved where the user
 * chooses (desktop) or downloaded (browser), never into the vault. Internal: it says so on
 * every page.
 */
export function ReportButton({ disabled }: { disabled?: boolean }) {
  const job = useJob();
  const client = useApi();

  const run = async () => {
    const target = await chooseSaveTarget(
      client,
      'Readiness-report.pdf',
      'pdf',
      'Save the readiness report',
    );
    if (!target) return;
    const file = await job.run('Writing the readiness report', 'readiness.report', target);
    if (!file) return;
    deliverOutput(file);
    notifySuccess(savedMessage(file));
  };

  if (job.running) {
    return (
      <Box miw={300}>
        <JobProgressLine
          label={job.running.label}
          progress={job.running.progress}
          onCancel={job.cancel}
        />
      </Box>
    );
  }
  return (
    <Button
      variant="default"
      leftSection={<IconFileTypePdf size={16} />}
      onClick={() => void run()}
      disabled={disabled}
      data-testid="readiness-report"
    >
      Report (PDF)
    </Button>
  );
}

import { Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useSaveFileJob } from '../../api/use-save-file-job';
import { RunningJob } from '../../components/RunningJob';

/**
 * The readiness report as a PDF for management (`readiness.report`): saved where the user
 * chooses (desktop) or downloaded (browser), never into the vault. Internal: it says so on
 * every page.
 */
export function ReportButton({ disabled }: { disabled?: boolean }) {
  const { job, save } = useSaveFileJob();
  const run = () =>
    save({
      label: 'Writing the readiness report',
      method: 'readiness.report',
      input: {},
      dialog: {
        title: 'Save the readiness report',
        fileName: 'Readiness-report.pdf',
        format: 'pdf',
      },
    });

  if (job.running) return <RunningJob job={job} />;
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

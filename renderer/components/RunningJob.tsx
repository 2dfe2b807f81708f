import { Box } from '@mantine/core';
import type { JobProgress } from '../../shared/api/jobs';
import { JobProgressLine } from './JobProgressLine';

/**
 * Where a button that started a job stood: the job's progress line with Cancel, as wide as the
 * label needs, until it ends (then the caller shows its button again).
 */
export function RunningJob(props: {
  job: { running: { label: string; progress: JobProgress | null } | null; cancel(): void };
  minWidth?: number;
}) {
  const { running, cancel } = props.job;
  if (!running) return null;
  return (
    <Box miw={props.minWidth ?? 300}>
      <JobProgressLine label={running.label} progress={running.progress} onCancel={cancel} />
    </Box>
  );
}

import { Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { JobProgress } from '../../shared/api/jobs';
import { formatBytes, formatEta } from './format';

/** A long operation under way: what, how far (files, bytes, rate, time left when known), Cancel. */
export function JobProgressLine(props: {
  label: string;
  progress: JobProgress | null;
  onCancel(): void;
}) {
  const p = props.progress;
  const share = p?.bytesTotal ? Math.min(1, (p.bytesDone ?? 0) / p.bytesTotal) : null;
  const facts = [
    // Where files and bytes say nothing (laying out a report, building a demo): what it is doing.
    p?.step ?? null,
    p?.filesTotal && p.filesTotal > 1 ? `${p.filesDone ?? 0} of ${p.filesTotal} files` : null,
    p?.bytesTotal ? `${formatBytes(p.bytesDone ?? 0)} of ${formatBytes(p.bytesTotal)}` : null,
    p?.bytesPerSecond ? `${formatBytes(p.bytesPerSecond)}/s` : null,
    p?.etaSeconds !== undefined ? formatEta(p.etaSeconds) : null,
  ].filter(Boolean);
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="job-progress">
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <Loader size={14} aria-hidden />
          <Text size="sm">{props.label}</Text>
          {facts.length > 0 && (
            <Text size="xs" c="dimmed">
              {facts.join(' · ')}
            </Text>
          )}
        </Group>
        <Button size="xs" variant="subtle" color="gray" onClick={props.onCancel}>
          Cancel
        </Button>
      </Group>
      {share !== null && <Progress value={share * 100} size="xs" aria-hidden />}
    </Stack>
  );
}

import { Anchor, Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { SdDocument } from '../../../shared/domain/system-description';
import type { GeneratedFile } from '../../../shared/api/files';
import { useApi } from '../../api/provider';
import { chooseSaveTarget, deliverOutput, savedMessage } from '../../api/save-output';
import { notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';
import { useJob } from '../../api/use-job';
import { DOCUMENT_LABELS, EXPORT_FORMATS, type ExportFormat } from './sd-documents';

/** Exports a draft as Markdown, DOCX or PDF (a job, with progress), then downloads it. */
export function ExportMenu({ document }: { document: SdDocument }) {
  const job = useJob();
  const client = useApi();
  const [last, setLast] = useState<GeneratedFile | null>(null);

  const run = async (format: ExportFormat) => {
    const label = EXPORT_FORMATS.find((f) => f.format === format)!.label;
    const name = `${DOCUMENT_LABELS[document].replace(/\W+/g, '-')}.${format}`;
    const target = await chooseSaveTarget(client, name, format, `Export the ${label}`);
    if (!target) return;
    const result = await job.run(
      `Exporting the ${DOCUMENT_LABELS[document].toLowerCase()} as ${label}`,
      'sd.export',
      { document, format, ...target },
    );
    if (!result) return;
    setLast(result);
    deliverOutput(result);
    notifySuccess(savedMessage(result));
  };

  if (job.running) {
    return (
      <div style={{ minWidth: 360 }}>
        <JobProgressLine
          label={job.running.label}
          progress={job.running.progress}
          onCancel={job.cancel}
        />
      </div>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap">
      {last?.download && (
        <Anchor href={last.download} download={last.fileName} size="xs" data-testid="last-export">
          <Group gap={4} wrap="nowrap" component="span">
            <IconDownload size={14} aria-hidden />
            <Text span size="xs" truncate="end" maw={220}>
              {last.fileName}
            </Text>
          </Group>
        </Anchor>
      )}
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} />}
            rightSection={<IconChevronDown size={14} />}
          >
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{DOCUMENT_LABELS[document]}</Menu.Label>
          {EXPORT_FORMATS.map((f) => (
            <Menu.Item key={f.format} onClick={() => void run(f.format)}>
              {f.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

import { Anchor, Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { SdDocument } from '../../../shared/domain/system-description';
import { blobUrl, downloadBlob } from '../../api/download';
import { notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';
import { useJob } from '../../components/useJob';
import { DOCUMENT_LABELS, EXPORT_FORMATS, type ExportFormat } from './sd-documents';

/** Exports a draft as Markdown, DOCX or PDF (a job, with progress), then downloads it. */
export function ExportMenu({ document }: { document: SdDocument }) {
  const job = useJob();
  const [last, setLast] = useState<{ blobId: number; fileName: string } | null>(null);

  const run = async (format: ExportFormat) => {
    const label = EXPORT_FORMATS.find((f) => f.format === format)!.label;
    const result = await job.run(
      `Exporting the ${DOCUMENT_LABELS[document].toLowerCase()} as ${label}`,
      'sd.export',
      {
        document,
        format,
      },
    );
    if (!result) return;
    setLast(result);
    downloadBlob(result.blobId, result.fileName);
    notifySuccess(`Exported ${result.fileName}. A copy is kept in the vault.`);
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
      {last && (
        <Anchor
          href={blobUrl(last.blobId, { fileName: last.fileName, download: true })}
          download={last.fileName}
          size="xs"
          data-testid="last-export"
        >
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

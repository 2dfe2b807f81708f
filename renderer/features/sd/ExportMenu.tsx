import { Anchor, Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { SdDocument } from '../../../shared/domain/system-description';
import type { GeneratedFile } from '../../../shared/api/files';
import { useSaveFileJob } from '../../api/use-save-file-job';
import { RunningJob } from '../../components/RunningJob';
import { DOCUMENT_LABELS, EXPORT_FORMATS, type ExportFormat } from './sd-documents';

/** Exports a draft as Markdown, DOCX or PDF (a job, with progress), then downloads it. */
export function ExportMenu({ document }: { document: SdDocument }) {
  const { job, save } = useSaveFileJob();
  const [last, setLast] = useState<GeneratedFile | null>(null);

  const run = async (format: ExportFormat) => {
    const label = EXPORT_FORMATS.find((f) => f.format === format)!.label;
    const result = await save({
      label: `Exporting the ${DOCUMENT_LABELS[document].toLowerCase()} as ${label}`,
      method: 'sd.export',
      input: { document, format },
      dialog: {
        title: `Export the ${label}`,
        fileName: `${DOCUMENT_LABELS[document].replace(/\W+/g, '-')}.${format}`,
        format,
      },
    });
    if (result) setLast(result);
  };

  if (job.running) return <RunningJob job={job} minWidth={360} />;
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

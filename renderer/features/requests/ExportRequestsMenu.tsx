import { Box, Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport } from '@tabler/icons-react';
import { useApi } from '../../api/provider';
import { chooseSaveTarget, deliverOutput, savedMessage } from '../../api/save-output';
import { notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';
import { useJob } from '../../api/use-job';

type Format = 'csv' | 'xlsx';
const LABEL: Record<Format, string> = { xlsx: 'Excel (XLSX)', csv: 'CSV' };

/**
 * The list back to the auditor: their columns as given, then ours. A job (with progress and
 * Cancel); the file is saved where the user chose (desktop) or downloaded (browser).
 */
export function ExportRequestsMenu({ disabled }: { disabled?: boolean }) {
  const job = useJob();
  const client = useApi();

  const run = async (format: Format) => {
    const target = await chooseSaveTarget(
      client,
      `Request-list.${format}`,
      format,
      'Export the list',
    );
    if (!target) return;
    const file = await job.run(
      `Exporting the request list as ${LABEL[format]}`,
      'requests.export',
      { format, ...target },
    );
    if (!file) return;
    deliverOutput(file);
    notifySuccess(savedMessage(file));
  };

  if (job.running) {
    return (
      <Box miw={320}>
        <JobProgressLine
          label={job.running.label}
          progress={job.running.progress}
          onCancel={job.cancel}
        />
      </Box>
    );
  }
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFileExport size={16} />}
          rightSection={<IconChevronDown size={14} />}
          disabled={disabled}
          data-testid="export-requests"
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>The request list, for the auditor</Menu.Label>
        <Menu.Item onClick={() => void run('xlsx')}>As Excel (XLSX)</Menu.Item>
        <Menu.Item onClick={() => void run('csv')}>As CSV</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

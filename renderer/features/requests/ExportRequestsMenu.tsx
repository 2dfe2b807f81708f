import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport } from '@tabler/icons-react';
import { useSaveFileJob } from '../../api/use-save-file-job';
import { RunningJob } from '../../components/RunningJob';

type Format = 'csv' | 'xlsx';
const LABEL: Record<Format, string> = { xlsx: 'Excel (XLSX)', csv: 'CSV' };

/**
 * The list back to the auditor: their columns as given, then ours. A job (with progress and
 * Cancel); the file is saved where the user chose (desktop) or downloaded (browser).
 */
export function ExportRequestsMenu({ disabled }: { disabled?: boolean }) {
  const { job, save } = useSaveFileJob();
  const run = (format: Format) =>
    save({
      label: `Exporting the request list as ${LABEL[format]}`,
      method: 'requests.export',
      input: { format },
      dialog: { title: 'Export the list', fileName: `Request-list.${format}`, format },
    });

  if (job.running) return <RunningJob job={job} minWidth={320} />;
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

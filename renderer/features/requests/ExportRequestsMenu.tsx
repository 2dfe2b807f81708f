import { Box, Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { JobProgress } from '../../../shared/api/jobs';
import { api } from '../../api';
import { downloadBlob } from '../../api/download';
import { notifyError, notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';

type Format = 'csv' | 'xlsx';
const LABEL: Record<Format, string> = { xlsx: 'Excel (XLSX)', csv: 'CSV' };

/**
 * The list back to the auditor: their columns as given, then ours. A job (with progress and
 * Cancel); the file is offered as a download and a copy stays in the vault.
 */
export function ExportRequestsMenu({ disabled }: { disabled?: boolean }) {
  const [running, setRunning] = useState<{ format: Format; progress: JobProgress | null } | null>(
    null,
  );
  const controller = useRef<AbortController | null>(null);

  const run = async (format: Format) => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning({ format, progress: null });
    try {
      const file = await api.runJob(
        'requests.export',
        { format },
        (progress) => setRunning({ format, progress }),
        { signal: abort.signal },
      );
      downloadBlob(file.blobId, file.fileName);
      notifySuccess(`Exported ${file.fileName}. A copy is kept in the vault.`);
    } catch (e) {
      notifyError(e);
    } finally {
      controller.current = null;
      setRunning(null);
    }
  };

  if (running) {
    return (
      <Box miw={320}>
        <JobProgressLine
          label={`Exporting the request list as ${LABEL[running.format]}`}
          progress={running.progress}
          onCancel={() => controller.current?.abort()}
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

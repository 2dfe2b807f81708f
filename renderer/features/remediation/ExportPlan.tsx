import { Button, Group, Menu, Paper, Progress, Text } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useCallback } from 'react';
import { create } from 'zustand';
import type { ApiClient } from '../../api';
import { useApi } from '../../api/provider';
import { chooseSaveTarget, deliverOutput, savedMessage } from '../../api/save-output';
import { notifyError, notifySuccess } from '../../app/notify';

type Format = 'csv' | 'xlsx';

interface ExportState {
  running: Format | null;
  percent: number | null;
  controller: AbortController | null;
  run(api: ApiClient, format: Format): Promise<void>;
  cancel(): void;
}

/**
 * The `tasks.export` job: progress while it runs, then the file is offered as a download. Not
 * server state but the state of one run, kept here so it survives leaving the page; the client
 * comes from the caller (`useApi()`).
 */
const useExport = create<ExportState>()((set, get) => ({
  running: null,
  percent: null,
  controller: null,
  async run(api, format) {
    if (get().running) return;
    const target = await chooseSaveTarget(
      api,
      `Remediation-plan.${format}`,
      format,
      'Export the plan',
    );
    if (!target) return;
    const controller = new AbortController();
    set({ running: format, percent: null, controller });
    try {
      const file = await api.runJob(
        'tasks.export',
        { format, ...target },
        (p) => {
          const total = p.bytesTotal ?? p.filesTotal;
          const done = p.bytesTotal ? p.bytesDone : p.filesDone;
          if (total) set({ percent: ((done ?? 0) / total) * 100 });
        },
        { signal: controller.signal },
      );
      deliverOutput(file);
      notifySuccess(savedMessage(file));
    } catch (e) {
      notifyError(e);
    } finally {
      set({ running: null, percent: null, controller: null });
    }
  },
  cancel() {
    get().controller?.abort();
  },
}));

/** Exports the plan from elsewhere (the command palette), with the same progress and toast. */
export function useExportPlan(): (format: Format) => void {
  const api = useApi();
  const start = useExport((s) => s.run);
  return useCallback((format: Format) => void start(api, format), [api, start]);
}

export function ExportMenu() {
  const running = useExport((s) => s.running);
  const start = useExport((s) => s.run);
  const api = useApi();
  const run = (format: Format) => start(api, format);
  return (
    <Menu>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={running !== null}
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run('xlsx')}>Plan as Excel (XLSX)</Menu.Item>
        <Menu.Item onClick={() => void run('csv')}>Plan as CSV</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Shown while an export runs: what is happening, how far, and a way to stop it. */
export function ExportProgress() {
  const { running, percent, cancel } = useExport();
  if (!running) return null;
  const label = `Exporting the remediation plan as ${running.toUpperCase()}…`;
  return (
    <Paper withBorder p="sm" data-testid="export-progress" aria-live="polite">
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Text size="sm">{label}</Text>
        <Button size="xs" variant="default" onClick={cancel}>
          Cancel
        </Button>
      </Group>
      <Progress
        value={percent ?? 100}
        striped={percent === null}
        animated={percent === null}
        aria-label={label}
      />
    </Paper>
  );
}

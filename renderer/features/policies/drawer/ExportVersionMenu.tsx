import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Policy, PolicyVersionSummary } from '../../../../shared/api/policies';
import { useApi } from '../../../api/provider';
import { chooseSaveTarget, deliverOutput, savedMessage } from '../../../api/save-output';
import { notifyError, notifySuccess } from '../../../app/notify';

type Format = 'pdf' | 'docx' | 'md';
const FORMAT_LABELS: Record<Format, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  md: 'Markdown',
};

/** "Information-Security-Policy-v2.pdf": a name the user recognises in their downloads. */
const fileNameOf = (policy: Policy, version: PolicyVersionSummary, format: Format) =>
  `${policy.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}-v${version.number}.${format}`;

/**
 * One version as PDF, DOCX or Markdown (the `policies.export` job): saved where the user picks on
 * the desktop, a download in a browser.
 */
export function ExportVersionMenu(props: { policy: Policy; version: PolicyVersionSummary }) {
  const api = useApi();
  const [running, setRunning] = useState(false);
  const run = async (format: Format) => {
    const target = await chooseSaveTarget(
      api,
      fileNameOf(props.policy, props.version, format),
      format,
      `Save version ${props.version.number} of ${props.policy.title}`,
    );
    if (!target) return;
    setRunning(true);
    try {
      const file = await api.runJob('policies.export', {
        versionId: props.version.id,
        format,
        ...target,
      });
      deliverOutput(file);
      notifySuccess(savedMessage(file));
    } catch (e) {
      notifyError(e);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Menu>
      <Menu.Target>
        <Button
          size="sm"
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={running}
          aria-label={`Download version ${props.version.number}`}
        >
          Download
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(Object.keys(FORMAT_LABELS) as Format[]).map((f) => (
          <Menu.Item key={f} onClick={() => void run(f)}>
            Version {props.version.number} as {FORMAT_LABELS[f]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

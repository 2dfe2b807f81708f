import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import type { Policy, PolicyVersionSummary } from '../../../../shared/api/policies';
import { useSaveFileJob } from '../../../api/use-save-file-job';

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
  const { job, save } = useSaveFileJob();
  const run = (format: Format) =>
    save({
      label: `Writing version ${props.version.number} as ${FORMAT_LABELS[format]}`,
      method: 'policies.export',
      input: { versionId: props.version.id, format },
      dialog: {
        title: `Save version ${props.version.number} of ${props.policy.title}`,
        fileName: fileNameOf(props.policy, props.version, format),
        format,
      },
    });
  return (
    <Menu>
      <Menu.Target>
        <Button
          size="sm"
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={job.running !== null}
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

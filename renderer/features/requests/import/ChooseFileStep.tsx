import '@mantine/dropzone/styles.css';
import { Alert, Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useApi } from '../../../api/provider';
import type { ImportWizard } from './useImportWizard';

/** The file types offered in the picker; the file's content decides in the end, not its name. */
const ACCEPT = [
  '.csv',
  '.xlsx',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Step 1: the auditor's file, dropped or chosen (a normal button for keyboard users). */
export function ChooseFileStep({ wizard }: { wizard: ImportWizard }) {
  const openRef = useRef<() => void>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const desktop = useApi().kind === 'desktop';
  const choose = () => {
    setRejected(null);
    if (desktop) void wizard.pickOnDesktop();
    else openRef.current?.();
  };
  const problem = rejected
    ? { title: `${rejected} is not a CSV or Excel (.xlsx) file.`, detail: null }
    : wizard.problem;

  return (
    <Stack gap="md">
      <Dropzone
        openRef={openRef}
        onDrop={(files) => {
          setRejected(null);
          if (files[0]) void wizard.chooseFile(files[0]);
        }}
        onReject={(rejections) => setRejected(rejections[0]?.file.name ?? 'That file')}
        accept={ACCEPT}
        multiple={false}
        loading={wizard.busy}
        activateOnKeyboard={false}
        radius="lg"
        inputProps={{ 'aria-label': 'Request list file', id: 'request-list-file' }}
        data-testid="request-dropzone"
      >
        <Stack align="center" gap="xs" py={40} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <ThemeIcon size={52} radius="xl" variant="light">
              <IconUpload size={26} stroke={1.5} />
            </ThemeIcon>
          </Dropzone.Accept>
          <Dropzone.Reject>
            <ThemeIcon size={52} radius="xl" variant="light" color="red">
              <IconX size={26} stroke={1.5} />
            </ThemeIcon>
          </Dropzone.Reject>
          <Dropzone.Idle>
            <ThemeIcon size={52} radius="xl" variant="light" color="gray">
              <IconFileSpreadsheet size={26} stroke={1.5} />
            </ThemeIcon>
          </Dropzone.Idle>
          <Text fw={600}>Drop the auditor’s request list here</Text>
          <Text size="sm" c="dimmed" ta="center" maw={440}>
            A CSV or Excel (.xlsx) file, exactly as the auditor sent it. Their columns and
            references are kept as they are.
          </Text>
        </Stack>
      </Dropzone>
      <Group justify="center">
        <Button variant="default" onClick={choose} loading={wizard.busy} data-autofocus>
          Choose a file…
        </Button>
      </Group>
      {problem && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={problem.title}
          data-testid="import-problem"
        >
          {problem.detail && <Text size="sm">{problem.detail}</Text>}
          <Text size="sm">
            Nothing was imported. Choose another file, or export the list from the auditor’s portal
            again.
          </Text>
        </Alert>
      )}
      <Text size="xs" c="dimmed" ta="center">
        Nothing is saved until the last step: you will see how every column is read first.
      </Text>
    </Stack>
  );
}

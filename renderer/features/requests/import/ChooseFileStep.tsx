import '@mantine/dropzone/styles.css';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useApi } from '../../../api/provider';
import { SingleFileDropzone } from '../../../components/SingleFileDropzone';
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
      <SingleFileDropzone
        openRef={openRef}
        accept={ACCEPT}
        busy={wizard.busy}
        onFile={(file) => {
          setRejected(null);
          void wizard.chooseFile(file);
        }}
        onReject={setRejected}
        inputLabel="Request list file"
        inputId="request-list-file"
        testId="request-dropzone"
        idleIcon={<IconFileSpreadsheet size={26} stroke={1.5} />}
        title="Drop the auditor’s request list here"
        description="A CSV or Excel (.xlsx) file, exactly as the auditor sent it. Their columns and references are kept as they are."
      />
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

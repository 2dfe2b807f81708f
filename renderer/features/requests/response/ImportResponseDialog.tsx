import '@mantine/dropzone/styles.css';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconFileCheck,
  IconFileImport,
} from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useApi } from '../../../api/provider';
import { SingleFileDropzone } from '../../../components/SingleFileDropzone';
import { plural } from '../../../components/format';
import { ResponseConfirmation } from './ResponseConfirmation';
import { ResponseResult } from './ResponseResult';
import { type ResponseImport, useResponseImport } from './useResponseImport';

const ACCEPT = ['.json', 'application/json'];

/**
 * Importing the auditor's response to a package: choose the file, confirm who it is from and
 * what it will do (nothing has changed yet), import, see what changed.
 */
export function ImportResponseDialog(props: { opened: boolean; onClose(): void }) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title="Import the auditor’s response"
      size={760}
      closeOnClickOutside={false}
      data-testid="response-dialog"
    >
      {props.opened && <DialogBody onClose={props.onClose} />}
    </Modal>
  );
}

function DialogBody({ onClose }: { onClose(): void }) {
  const flow = useResponseImport();
  return (
    <Stack gap="md">
      {flow.step === 'choose' && <ChooseResponse flow={flow} />}
      {flow.step === 'confirm' && flow.preview && flow.file && (
        <ResponseConfirmation preview={flow.preview} fileName={flow.file.name} />
      )}
      {flow.step === 'done' && flow.result && <ResponseResult result={flow.result} />}
      {flow.problem && flow.step !== 'choose' && <Problem problem={flow.problem} />}
      <Group justify="space-between">
        {flow.step === 'confirm' ? (
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
            onClick={flow.startOver}
            disabled={flow.busy}
          >
            Another file
          </Button>
        ) : (
          <span />
        )}
        <Group gap="xs">
          {flow.step !== 'done' && (
            <Button variant="subtle" color="gray" onClick={onClose} disabled={flow.busy}>
              Cancel
            </Button>
          )}
          {flow.step === 'confirm' && flow.preview && (
            <Button
              leftSection={<IconFileImport size={16} />}
              onClick={() => void flow.runImport()}
              loading={flow.busy}
              data-testid="confirm-response-import"
              data-autofocus
            >
              {flow.preview.alreadyImported
                ? 'Import (nothing changes)'
                : `Import ${plural(flow.preview.itemsNew, 'item')}`}
            </Button>
          )}
          {flow.step === 'done' && (
            <>
              <Button variant="default" onClick={flow.startOver}>
                Import another response
              </Button>
              <Button onClick={onClose} data-autofocus>
                Show the requests
              </Button>
            </>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

function Problem({ problem }: { problem: NonNullable<ResponseImport['problem']> }) {
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={problem.title}
      data-testid="response-problem"
      role="alert"
    >
      <Text size="sm">{problem.detail}</Text>
    </Alert>
  );
}

/** The response file, dropped or chosen (a normal button for keyboard users). */
function ChooseResponse({ flow }: { flow: ResponseImport }) {
  const openRef = useRef<() => void>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const desktop = useApi().kind === 'desktop';
  const choose = () => {
    setRejected(null);
    if (desktop) void flow.pickOnDesktop();
    else openRef.current?.();
  };
  const problem = rejected
    ? {
        title: `${rejected} is not a response file`,
        detail: 'An auditor’s response is the .json file Attest saves in auditor mode.',
      }
    : flow.problem;

  return (
    <Stack gap="md">
      <SingleFileDropzone
        openRef={openRef}
        accept={ACCEPT}
        busy={flow.busy}
        onFile={(file) => {
          setRejected(null);
          void flow.chooseFile(file);
        }}
        onReject={setRejected}
        inputLabel="Response file"
        inputId="response-file"
        testId="response-dropzone"
        idleIcon={<IconFileCheck size={26} stroke={1.5} />}
        title="Drop the auditor’s response here"
        description="The .json file the auditor saved in Attest for a package this vault exported: their statuses, comments, new requests and sample picks."
      />
      <Group justify="center">
        <Button variant="default" onClick={choose} loading={flow.busy} data-autofocus>
          Choose a file…
        </Button>
      </Group>
      {problem && <Problem problem={problem} />}
      <Text size="xs" c="dimmed" ta="center">
        Nothing changes until you have seen who it is from and what it will do.
      </Text>
    </Stack>
  );
}

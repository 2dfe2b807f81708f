import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/provider';
import { useJob } from '../../api/use-job';
import { notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';
import { useVaultDialogs } from './dialogs';
import { WhereToSave } from './WhereToSave';

const DEFAULT_NAME = 'attest-demo';

/**
 * "Try the demo": the sample engagement `attest demo` builds (`vault.createDemo`, a job), saved
 * where the user chooses and then open. Its dates follow today, so it always looks current.
 */
export function DemoVaultDialog() {
  const opened = useVaultDialogs((s) => s.dialog === 'demo');
  const hide = useVaultDialogs((s) => s.hide);
  return (
    <Modal opened={opened} onClose={hide} title="Try the demo" size="lg">
      {opened && <DemoForm onDone={hide} onCancel={hide} />}
    </Modal>
  );
}

function DemoForm(props: { onDone(): void; onCancel(): void }) {
  const browser = useApi().kind === 'browser';
  const [file, setFile] = useState(browser ? DEFAULT_NAME : '');
  const [error, setError] = useState<string | undefined>();
  const job = useJob();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.trim();
    if (!chosen) {
      setError(browser ? 'Give the demo a file name' : 'Choose where to save the demo');
      return;
    }
    const info = await job.run('Building the demo', 'vault.createDemo', {
      file: browser && !chosen.endsWith('.attest') ? `${chosen}.attest` : chosen,
      scale: 'small',
    });
    if (!info) return; // refused or cancelled: said in a notification, the form stays
    props.onDone();
    notifySuccess(`Opened the demo “${info.engagement.name}”. Nothing in it is real.`);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="demo-vault-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          A realistic Type II engagement for a fictional company, with dates around today: people,
          scope, assessments with some gaps, risks, policies, evidence, a tested sample with a
          deviation and a frozen review. It is a vault file of its own; explore and change it
          freely.
        </Text>
        <WhereToSave
          browser={browser}
          value={file}
          error={error}
          defaultName={DEFAULT_NAME}
          onChange={(f) => {
            setFile(f);
            setError(undefined);
          }}
        />
        {job.running && (
          <JobProgressLine
            label={job.running.label}
            progress={job.running.progress}
            onCancel={job.cancel}
          />
        )}
        <Group justify="flex-end" gap="sm">
          {/* While building, the progress line has its own Cancel (it stops the job). */}
          {job.running === null && (
            <Button variant="default" onClick={props.onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={job.running !== null} data-testid="build-demo">
            Build the demo
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

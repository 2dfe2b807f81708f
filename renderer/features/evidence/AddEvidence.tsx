import '@mantine/dropzone/styles.css';
import './evidence.css';
import { Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFilePlus, IconUpload } from '@tabler/icons-react';
import { type ReactNode, useRef } from 'react';
import { JobProgressLine } from '../../components/JobProgressLine';
import type { useAddEvidence } from './add-evidence';

/**
 * Where files become evidence: drop them anywhere on the Evidence tab (the whole window lights
 * up while dragging) or on this strip, or choose them. While they are stored, the job's progress
 * and Cancel take the strip's place.
 */
export function AddEvidence(props: {
  adder: ReturnType<typeof useAddEvidence>;
  large?: boolean;
  /** Other ways to add evidence, beside choosing files (a link, a note). */
  also?: ReactNode;
}) {
  const { adder } = props;
  const openRef = useRef<() => void>(null);
  const drop = (files: File[]) => void adder.add(files);

  if (adder.running) {
    return (
      <JobProgressLine
        label={adder.running.label}
        progress={adder.running.progress}
        onCancel={adder.cancel}
      />
    );
  }
  if (adder.sending) {
    return (
      <JobProgressLine
        label={adder.sending.label}
        progress={adder.sending.progress}
        onCancel={adder.cancelSending}
      />
    );
  }
  return (
    <>
      <Dropzone.FullScreen onDrop={drop} activateOnClick={false}>
        <Stack
          align="center"
          justify="center"
          gap="xs"
          mih="60vh"
          style={{ pointerEvents: 'none' }}
        >
          <ThemeIcon size={60} radius="xl" variant="light">
            <IconUpload size={30} stroke={1.5} />
          </ThemeIcon>
          <Text fw={600}>Drop to add as evidence</Text>
          <Text size="sm" c="dimmed">
            Each file becomes one item; identical files are stored once.
          </Text>
        </Stack>
      </Dropzone.FullScreen>
      <Dropzone
        openRef={openRef}
        onDrop={drop}
        activateOnClick={false}
        activateOnKeyboard={false}
        radius="lg"
        inputProps={{ 'aria-label': 'Evidence files', id: 'evidence-files' }}
        data-testid="evidence-dropzone"
        className="attest-evidence-dropzone"
        p={props.large ? 'xl' : 'sm'}
      >
        <Group justify="center" gap="md" style={{ pointerEvents: 'none' }}>
          <IconFilePlus size={props.large ? 28 : 20} stroke={1.5} aria-hidden />
          <Text size="sm" c="dimmed">
            Drop files here — screenshots, exports, signed documents — or
          </Text>
          <Button
            size="xs"
            variant="default"
            style={{ pointerEvents: 'all' }}
            onClick={() => openRef.current?.()}
          >
            Choose files…
          </Button>
          {props.also}
        </Group>
      </Dropzone>
    </>
  );
}

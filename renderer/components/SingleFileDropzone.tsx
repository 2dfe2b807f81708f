import { Stack, Text, ThemeIcon } from '@mantine/core';
import { Dropzone, type DropzoneProps } from '@mantine/dropzone';
import { IconUpload, IconX } from '@tabler/icons-react';
import type { ReactNode, RefObject } from 'react';

/**
 * One file dropped or picked, for the imports that read a single file (the request list, the
 * auditor's response): the drop area with its three states, and a rejected file named by its
 * caller. The "Choose a file…" button stays with the caller (desktop dialogs differ).
 */
export function SingleFileDropzone(props: {
  openRef: RefObject<(() => void) | null>;
  accept: DropzoneProps['accept'];
  busy: boolean;
  onFile(file: File): void;
  onReject(fileName: string): void;
  /** The input's accessible name and id. */
  inputLabel: string;
  inputId: string;
  testId: string;
  idleIcon: ReactNode;
  title: string;
  description: ReactNode;
}) {
  return (
    <Dropzone
      openRef={props.openRef}
      onDrop={(files) => {
        if (files[0]) props.onFile(files[0]);
      }}
      onReject={(rejections) => props.onReject(rejections[0]?.file.name ?? 'That file')}
      accept={props.accept}
      multiple={false}
      loading={props.busy}
      activateOnKeyboard={false}
      radius="lg"
      inputProps={{ 'aria-label': props.inputLabel, id: props.inputId }}
      data-testid={props.testId}
    >
      <Stack align="center" gap="xs" py={38} style={{ pointerEvents: 'none' }}>
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
            {props.idleIcon}
          </ThemeIcon>
        </Dropzone.Idle>
        <Text fw={600}>{props.title}</Text>
        <Text size="sm" c="dimmed" ta="center" maw={460}>
          {props.description}
        </Text>
      </Stack>
    </Dropzone>
  );
}

import '@mantine/dropzone/styles.css';
import { Button, Checkbox, CloseButton, Group, Input, Paper, Stack, Text } from '@mantine/core';
import { IconFileZip, IconPackage } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { PackageExportInput } from '../../../shared/api/package';
import type { FileSource } from '../../../shared/api/methods/blobs';
import { notifyError } from '../../app/notify';
import type { ApiCallError } from '../../api/errors';
import { useApi } from '../../api/provider';
import { SingleFileDropzone } from '../../components/SingleFileDropzone';
import { fileName } from '../../components/format';

const ACCEPT = ['.zip', 'application/zip', 'application/x-zip-compressed'];

export interface EarlierPackage {
  name: string;
  source: FileSource;
}

/**
 * Why the server refused the earlier package, when it did: every refusal of it (not verified,
 * another vault, another copy, not a zip) names the `since` field in its details, whatever its
 * code. Null for any other failure (the notice alone tells those).
 */
export function sinceRefusal(error: ApiCallError): string | null {
  if (!Array.isArray(error.details)) return null;
  const issue = (error.details as { path?: unknown; message?: unknown }[]).find(
    (d) => Array.isArray(d?.path) && d.path[0] === 'since' && typeof d.message === 'string',
  );
  return issue ? (issue.message as string) : null;
}

/** What `package.export` takes as `since` for the chosen earlier package. */
export function sinceInput(earlier: EarlierPackage): NonNullable<PackageExportInput['since']> {
  return 'path' in earlier.source
    ? { path: earlier.source.path }
    : { uploadId: earlier.source.uploadId, fileName: earlier.name };
}

/**
 * "Only what changed since an earlier package…": a delta export (auditors work in waves). The
 * earlier package is dropped or chosen (desktop: a path; browser: an upload, discarded when
 * replaced or unticked — an export uses it up); the server verifies it before anything is written.
 */
export function DeltaSince(props: {
  enabled: boolean;
  onEnabled(enabled: boolean): void;
  earlier: EarlierPackage | null;
  onEarlier(earlier: EarlierPackage | null): void;
  busy: boolean;
  /** Why the earlier package was refused (by the last export, or a file that is not a zip). */
  error: string | null;
  onError(error: string | null): void;
}) {
  const api = useApi();
  const openRef = useRef<() => void>(null);
  const [reading, setReading] = useState(false);
  const { earlier, onError } = props;
  // Another choice, or none, answers the refusal: the message was about the earlier one.
  const onEarlier = (chosen: EarlierPackage | null) => {
    onError(null);
    props.onEarlier(chosen);
  };
  const errorId = 'delta-earlier-error';
  const fieldError = props.error && (
    <Input.Error id={errorId} role="alert" data-testid="delta-error" ml={32}>
      {props.error}
    </Input.Error>
  );

  // A staged upload that was never used goes when it is replaced or the choice is undone.
  useEffect(() => {
    const source = earlier?.source;
    if (!source || !('uploadId' in source)) return;
    return () => {
      api.call('blobs.discardUpload', { uploadId: source.uploadId }).catch(() => {});
    };
  }, [api, earlier]);

  const take = async (load: () => Promise<EarlierPackage | null>) => {
    setReading(true);
    try {
      const chosen = await load();
      if (chosen) onEarlier(chosen);
    } catch (e) {
      notifyError(e);
    } finally {
      setReading(false);
    }
  };
  const choose = () => {
    if (api.kind !== 'desktop') return openRef.current?.();
    void take(async () => {
      const [source] =
        (await api.pickFileSources({
          title: 'Choose the earlier audit package',
          filters: [{ name: 'Audit packages', extensions: ['zip'] }],
        })) ?? [];
      return source && 'path' in source ? { name: fileName(source.path), source } : null;
    });
  };

  return (
    <Stack gap="xs">
      <Checkbox
        label="Only what changed since an earlier package…"
        description="A delta for the auditor’s next wave: new and changed evidence, policies and documents, the indexes marked new / changed / unchanged, and what was removed."
        checked={props.enabled}
        onChange={(e) => {
          props.onEnabled(e.currentTarget.checked);
          if (!e.currentTarget.checked) onEarlier(null);
          onError(null);
        }}
        disabled={props.busy}
        data-testid="delta-toggle"
      />
      {props.enabled &&
        (earlier ? (
          <Paper
            withBorder
            radius="md"
            p="sm"
            ml={32}
            data-testid="delta-earlier"
            aria-describedby={props.error ? errorId : undefined}
            style={props.error ? { borderColor: 'var(--mantine-color-error)' } : undefined}
          >
            <Group justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <IconFileZip
                  size={22}
                  aria-hidden
                  color={props.error ? 'var(--mantine-color-error)' : undefined}
                />
                <div>
                  <Text size="sm" fw={600}>
                    {earlier.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Checked when you export: it must verify, and come from this vault.
                  </Text>
                </div>
              </Group>
              <CloseButton
                aria-label="Choose another earlier package"
                onClick={() => onEarlier(null)}
                disabled={props.busy}
              />
            </Group>
          </Paper>
        ) : (
          <Stack gap="xs" ml={32}>
            <SingleFileDropzone
              openRef={openRef}
              accept={ACCEPT}
              busy={reading}
              onFile={(file) =>
                void take(async () => ({ name: file.name, source: await api.fileSourceFor(file) }))
              }
              onReject={(name) =>
                onError(`${name} is not an audit package: choose the .zip Attest exported.`)
              }
              inputLabel="Earlier audit package"
              inputId="delta-earlier-package"
              testId="delta-dropzone"
              idleIcon={<IconPackage size={26} stroke={1.5} />}
              title="Drop the earlier package here"
              description="The .zip this vault exported for the auditor’s previous wave, as sent."
            />
            <Group justify="center">
              <Button variant="default" onClick={choose} loading={reading}>
                Choose the earlier package…
              </Button>
            </Group>
          </Stack>
        ))}
      {props.enabled && fieldError}
    </Stack>
  );
}

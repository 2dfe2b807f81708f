import {
  ActionIcon,
  Anchor,
  Button,
  CopyButton,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { type EvidenceDetail, evidencePatch } from '../../../shared/api/evidence';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';
import { useAutosaveForm } from '../../components/form/use-autosave-form';
import { Markdown } from '../sd/Markdown';

/**
 * A link's web address, opened in the system browser through the one external-open path (which
 * hands over only https addresses, DESIGN §8: an http one is shown to copy instead), and editable.
 */
export function EvidenceLinkUrl({ item }: { item: EvidenceDetail }) {
  const api = useApi();
  const url = item.url ?? '';
  const { field } = useAutosaveForm<{ url: string }, unknown>({
    values: { url },
    patchSchema: evidencePatch,
    labels: { url: 'Web address' },
    saveField: (name, value) =>
      api.call('evidence.update', { id: item.id, patch: { [name]: value as string } }),
  });
  const https = /^https:\/\//i.test(url);
  return (
    <Stack gap="xs" data-testid="evidence-link">
      <Group gap="xs" wrap="nowrap">
        {https ? (
          <Anchor
            href={url}
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
            onClick={(e) => {
              e.preventDefault();
              api.host.openExternal(url).catch(notifyError);
            }}
          >
            {url} <IconExternalLink size={12} aria-label="opens in your browser" />
          </Anchor>
        ) : (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {url}{' '}
            <Text span size="xs" c="dimmed">
              (not https: copy it to open it)
            </Text>
          </Text>
        )}
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy the address'}>
              <ActionIcon variant="subtle" size="sm" onClick={copy} aria-label="Copy the address">
                {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <TextInput label="Web address" {...field('url')} />
    </Stack>
  );
}

/** A note's text, shown as written (sanitised Markdown), and edited in place. */
export function EvidenceNoteBody({ item }: { item: EvidenceDetail }) {
  const api = useApi();
  const [editing, setEditing] = useState(false);
  const { field, counter } = useAutosaveForm<{ body: string }, unknown>({
    values: { body: item.body ?? '' },
    patchSchema: evidencePatch,
    labels: { body: 'Note' },
    saveField: (name, value) =>
      api.call('evidence.update', { id: item.id, patch: { [name]: value as string } }),
  });
  return (
    <Stack gap="xs" data-testid="evidence-note">
      <Group justify="flex-end">
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(!editing)}>
          {editing ? 'Done' : 'Edit the note'}
        </Button>
      </Group>
      {editing ? (
        <Textarea
          aria-label="Note"
          autosize
          minRows={6}
          maxRows={20}
          {...field('body')}
          description={counter('body')}
        />
      ) : (
        <Markdown markdown={item.body ?? ''} headingBase={3} />
      )}
    </Stack>
  );
}

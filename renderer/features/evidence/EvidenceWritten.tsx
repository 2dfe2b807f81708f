import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type EvidenceDetail, evidencePatch } from '../../../shared/api/evidence';
import { useApi } from '../../api/provider';
import { useAutosaveForm } from '../../components/form/use-autosave-form';
import { Markdown } from '../sd/Markdown';
import { LinkAddress } from './LinkAddress';

/** A link's web address (opened or copied), and the field to correct it. */
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
  return (
    <Stack gap="xs" data-testid="evidence-link">
      <LinkAddress url={url} />
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

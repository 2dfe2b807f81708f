import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconLink, IconNote } from '@tabler/icons-react';
import { useState } from 'react';
import { NOTE_MAX, URL_MAX, urlProblem } from '../../../shared/api/evidence';
import { toApiCallError } from '../../api';
import { useApi } from '../../api/provider';
import { notifySuccess } from '../../app/notify';
import { Markdown } from '../sd/Markdown';

type Kind = 'link' | 'note';

const EMPTY = { title: '', url: '', body: '' };

/**
 * A link or a note as evidence (D1): a web address with a title (a ticket, a dashboard; nothing
 * is fetched) or a note written in Markdown (an inquiry, an observation). Created with what
 * makes it itself; the drawer then opens on it for links, dates and review, as after a drop.
 */
function WrittenForm(props: { kind: Kind; onDone(id: string | null): void }) {
  const api = useApi();
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState(false);
  const link = props.kind === 'link';
  const typedUrl = form.url.trim();
  const urlHint = link && typedUrl !== '' ? urlProblem(typedUrl) : null;

  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      const item = link
        ? await api.call('evidence.addLink', { url: typedUrl, title: form.title })
        : await api.call('evidence.addNote', { title: form.title, body: form.body });
      notifySuccess(`${link ? 'Link' : 'Note'} added as ${item.ref}; link it to its controls.`);
      props.onDone(item.id);
    } catch (e) {
      const err = toApiCallError(e);
      const next: Record<string, string> = {};
      for (const issue of err.issues) next[issue.path[0] ?? 'title'] ??= issue.message;
      if (Object.keys(next).length === 0) next.title = err.message;
      setErrors(next);
    } finally {
      setBusy(false);
    }
  };
  const ready =
    form.title.trim() !== '' && (link ? typedUrl !== '' && !urlHint : form.body.trim() !== '');
  return (
    <Stack gap="sm">
      {link && (
        <TextInput
          label="Web address"
          description="The ticket, dashboard or record it points at. Attest keeps the address; it fetches nothing."
          placeholder="https://"
          required
          data-autofocus
          maxLength={URL_MAX}
          value={form.url}
          error={errors.url ?? urlHint}
          onChange={(e) => setForm({ ...form, url: e.currentTarget.value })}
        />
      )}
      <TextInput
        label="Title"
        required
        data-autofocus={!link || undefined}
        maxLength={300}
        value={form.title}
        error={errors.title}
        onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
      />
      {!link && (
        <>
          <Group justify="space-between" align="flex-end">
            <Text size="sm" fw={500}>
              Note{' '}
              <Text span size="xs" c="dimmed">
                Markdown: who was asked or what was observed, when, and what it showed
              </Text>
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setPreview(!preview)}>
              {preview ? 'Edit' : 'Preview'}
            </Button>
          </Group>
          {preview ? (
            <Markdown markdown={form.body} headingBase={3} />
          ) : (
            <Textarea
              aria-label="Note"
              autosize
              minRows={6}
              maxRows={16}
              maxLength={NOTE_MAX}
              value={form.body}
              error={errors.body}
              onChange={(e) => setForm({ ...form, body: e.currentTarget.value })}
            />
          )}
        </>
      )}
      <Group justify="flex-end" gap="xs" mt="xs">
        <Button variant="default" onClick={() => props.onDone(null)}>
          Cancel
        </Button>
        <Button onClick={() => void submit()} loading={busy} disabled={!ready}>
          {link ? 'Add link' : 'Add note'}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Add link…" and "Add note…", beside choosing files; `onAdded` opens the new item. */
export function AddWrittenEvidence(props: { onAdded(id: string): void }) {
  const [open, setOpen] = useState<Kind | null>(null);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconLink size={14} aria-hidden />}
        style={{ pointerEvents: 'all' }}
        onClick={() => setOpen('link')}
      >
        Add link…
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconNote size={14} aria-hidden />}
        style={{ pointerEvents: 'all' }}
        onClick={() => setOpen('note')}
      >
        Add note…
      </Button>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open === 'link' ? 'Add a link as evidence' : 'Add a note as evidence'}
        size="lg"
        data-testid="add-written-evidence"
      >
        {open && (
          <WrittenForm
            kind={open}
            onDone={(id) => {
              setOpen(null);
              if (id) props.onAdded(id);
            }}
          />
        )}
      </Modal>
    </>
  );
}

import { Button, Group, Modal, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { toApiCallError } from '../../api';
import { notifySuccess } from '../../app/notify';
import { DateField } from '../../components/DateField';
import { useAddDraftItem, useAuditContents } from './auditor-queries';

const EMPTY = { title: '', description: '', criteria: [] as string[], dueOn: '' };

/** "New request": something more the auditor needs, sent to the consultant in the response. */
function NewRequestForm(props: { onDone(): void }) {
  const add = useAddDraftItem();
  const criteria = useAuditContents().data?.criteria.map((c) => c.id) ?? [];
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await add({
        kind: 'request',
        title: form.title,
        description: form.description,
        criteria: form.criteria,
        dueOn: form.dueOn || null,
      });
      notifySuccess(`New request “${form.title}” added to your response.`);
      props.onDone();
    } catch (e) {
      const err = toApiCallError(e);
      setError(err.issues[0]?.message ?? err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <TextInput
        label="Title"
        required
        data-autofocus
        maxLength={300}
        value={form.title}
        error={error}
        onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
      />
      <Textarea
        label="What you need"
        autosize
        minRows={3}
        maxRows={10}
        maxLength={20_000}
        value={form.description}
        onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
      />
      <TagsInput
        label="Criteria"
        description="The criteria it concerns (CC6.1, …)"
        data={criteria}
        maxTags={61}
        value={form.criteria}
        onChange={(criteria) => setForm({ ...form, criteria })}
      />
      <DateField
        label="Due"
        value={form.dueOn}
        onChange={(dueOn) => setForm({ ...form, dueOn })}
        clearable
      />
      <Group justify="flex-end" gap="xs" mt="xs">
        <Button variant="default" onClick={props.onDone}>
          Cancel
        </Button>
        <Button onClick={() => void submit()} loading={busy} disabled={form.title.trim() === ''}>
          Add to response
        </Button>
      </Group>
    </Stack>
  );
}

export function NewRequestButton() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        New request…
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title="New request"
        size="lg"
        data-testid="new-request-dialog"
      >
        {opened && <NewRequestForm onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

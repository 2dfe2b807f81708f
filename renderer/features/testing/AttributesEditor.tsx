import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { SelfTestDetail } from '../../../shared/api/self-tests';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';

interface Draft {
  key: string;
  id?: string;
  text: string;
}

const MAX = 500;

/**
 * The attributes the test checks, editable until the first result is recorded: each saves when
 * the field is left (an empty new one is not saved until written), a removal at once.
 */
export function AttributesEditor({ test }: { test: SelfTestDetail }) {
  const api = useApi();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    test.attributes.map((a) => ({ key: a.id, id: a.id, text: a.text })),
  );
  const [saved, setSaved] = useState(false);

  const save = async (next: Draft[]) => {
    const written = next.filter((d) => d.text.trim() !== '');
    const same =
      written.length === test.attributes.length &&
      written.every(
        (d, i) => d.id === test.attributes[i]?.id && d.text === test.attributes[i]?.text,
      );
    if (same || written.length === 0) return;
    try {
      const answer = await api.call('selfTests.setAttributes', {
        id: test.id,
        attributes: written.map((d) => (d.id ? { id: d.id, text: d.text } : { text: d.text })),
      });
      // New attributes get their ids: keep typing in the same fields.
      const ids = answer.attributes.map((a) => a.id);
      let i = 0;
      setDrafts(next.map((d) => (d.text.trim() === '' ? d : { ...d, id: ids[i++] ?? d.id })));
      setSaved(true);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Paper withBorder p="md" radius="lg" data-testid="attributes-editor">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Attributes to check on every item
          </Title>
          <Text size="xs" c="dimmed">
            {saved ? 'Saved' : 'Editable until the first result is recorded'}
          </Text>
        </Group>
        {drafts.map((d, index) => (
          <Group key={d.key} gap="xs" wrap="nowrap" align="start">
            <TextInput
              aria-label={`Attribute ${index + 1}`}
              value={d.text}
              maxLength={MAX}
              description={d.text.length > MAX * 0.8 ? `${d.text.length} / ${MAX}` : undefined}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setDrafts((all) => all.map((x) => (x.key === d.key ? { ...x, text } : x)));
              }}
              onBlur={() => void save(drafts)}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove attribute ${index + 1}`}
              disabled={drafts.length <= 1}
              onClick={() => {
                const next = drafts.filter((x) => x.key !== d.key);
                setDrafts(next);
                void save(next);
              }}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            disabled={drafts.length >= 20}
            onClick={() => setDrafts((all) => [...all, { key: `new-${Date.now()}`, text: '' }])}
          >
            Add attribute
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

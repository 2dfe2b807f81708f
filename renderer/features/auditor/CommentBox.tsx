import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ResponseItem } from '../../../shared/domain/auditor/response';
import { toApiCallError } from '../../api';
import { notifySuccess } from '../../app/notify';
import { formatInstant } from '../../components/format';
import { useAddDraftItem } from './auditor-queries';

const MAX = 10_000;

/**
 * The auditor's comments on one request or evidence item: those in the draft so far, and a box
 * for another. A comment goes into the response only; nothing in the package changes.
 */
export function Comments(props: {
  on: { requestRef: string } | { evidenceId: string };
  what: string;
  comments: readonly ResponseItem[];
}) {
  const add = useAddDraftItem();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await add({ kind: 'comment', ...props.on, body });
      setBody('');
      notifySuccess(`Comment on ${props.what} added to your response.`);
    } catch (e) {
      setError(toApiCallError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" data-testid="audit-comments">
      <Text size="sm" fw={600}>
        Your comments
      </Text>
      {props.comments.map((c) =>
        c.kind === 'comment' ? (
          <Paper key={c.id} withBorder radius="md" p="xs" data-testid="audit-comment">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
            <Text size="xs" c="dimmed">
              {formatInstant(c.at)}
            </Text>
          </Paper>
        ) : null,
      )}
      <Textarea
        label={`Comment on ${props.what}`}
        description="Goes into your response for the consultant; the package itself never changes."
        autosize
        minRows={2}
        maxRows={8}
        maxLength={MAX}
        value={body}
        error={error}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button
          size="xs"
          onClick={() => void submit()}
          loading={busy}
          disabled={body.trim() === ''}
        >
          Add comment
        </Button>
      </Group>
    </Stack>
  );
}

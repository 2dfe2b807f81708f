import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconSend, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditRequestDetail, RequestComment } from '../../../../shared/api/requests';
import { unsignedLabel } from '../../../../shared/domain/auditor/response';
import { toApiCallError } from '../../../api';
import { notifyError } from '../../../app/notify';
import { MOD_KEY } from '../../../app/shortcuts';
import { formatInstant } from '../../../components/format';
import { useRequestActions } from '../request-actions';
import { limitProps } from '../../../components/form/limits';
import { methods } from '../../../../shared/api/index';

/**
 * The import writes an unsigned response's author as "name, from an unsigned response naming
 * firm" (the same words everywhere): that phrase is what marks it here.
 */
const UNSIGNED_MARK = `, ${unsignedLabel('')}`;

/** Who wrote it: the auditor (by their response) set apart from the team and the file. */
function CommentAuthor({ comment }: { comment: RequestComment }) {
  if (comment.source === 'import') {
    return (
      <Group gap={6} wrap="nowrap">
        <Badge size="sm" variant="light" color="gray" radius="sm" tt="none">
          From the auditor’s file
        </Badge>
        <Text size="xs" c="dimmed">
          imported by {comment.author}
        </Text>
      </Group>
    );
  }
  if (comment.source === 'auditor') {
    const unsigned = comment.author.includes(UNSIGNED_MARK);
    return (
      <Group gap={6} miw={0}>
        <Badge
          size="sm"
          variant="light"
          color={unsigned ? 'orange' : 'indigo'}
          radius="sm"
          tt="none"
          leftSection={
            unsigned ? (
              <IconAlertTriangle size={12} aria-hidden />
            ) : (
              <IconShieldCheck size={12} aria-hidden />
            )
          }
          style={{ flexShrink: 0 }}
        >
          {unsigned ? 'Auditor, unsigned' : 'Auditor'}
        </Badge>
        {/* In full: the unsigned label names the firm, and that is the point of it. */}
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {comment.author}
        </Text>
      </Group>
    );
  }
  return (
    <Text size="sm" fw={600}>
      {comment.author}
    </Text>
  );
}

function Comment({ comment }: { comment: RequestComment }) {
  const unsigned = comment.source === 'auditor' && comment.author.includes(UNSIGNED_MARK);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      className="attest-comment"
      data-testid="request-comment"
      data-source={comment.source}
      data-unsigned={unsigned || undefined}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb={4} wrap="nowrap">
        <CommentAuthor comment={comment} />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatInstant(comment.createdAt)}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {comment.body}
      </Text>
    </Paper>
  );
}

/** The follow-up thread: what was said about the request, oldest first, and a reply box. */
export function FollowUpThread(props: { detail: AuditRequestDetail }) {
  const { comment } = useRequestActions();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (!body.trim()) {
      setError('Write something first.');
      return;
    }
    setBusy(true);
    try {
      await comment(props.detail.request.id, body);
      setBody('');
      setError(null);
    } catch (e) {
      const issue = toApiCallError(e).issues[0];
      if (issue) setError(issue.message);
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="request-thread">
      {props.detail.comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No follow-up yet. Notes for the team and what the auditor said on a call belong here.
        </Text>
      ) : (
        props.detail.comments.map((c) => <Comment key={c.id} comment={c} />)
      )}
      <Textarea
        label="Add to the thread"
        placeholder="What was agreed, what is still missing…"
        value={body}
        {...limitProps(methods['requests.comment'].input, 'body', body)}
        onChange={(e) => {
          setBody(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
        error={error}
        autosize
        minRows={2}
        maxRows={8}
        size="sm"
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {MOD_KEY}+Enter to add
        </Text>
        <Button
          size="xs"
          leftSection={<IconSend size={14} />}
          onClick={() => void send()}
          loading={busy}
        >
          Add comment
        </Button>
      </Group>
    </Stack>
  );
}

import { ActionIcon, Badge, Button, Loader, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { ResponseItem } from '../../../shared/domain/auditor/response';
import { useApi } from '../../api/provider';
import { useSaveFileJob } from '../../api/use-save-file-job';
import { notifyError } from '../../app/notify';
import { PageHeader } from '../../components/PageHeader';
import { RunningJob } from '../../components/RunningJob';
import { formatInstant, plural } from '../../components/format';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { IdentityCard } from './IdentityCard';
import {
  refreshDraft,
  useAuditDraft,
  useAuditorIdentity,
  useOpenAuditPackage,
} from './auditor-queries';
import { describeItem } from './draft-view';

function itemColumns(remove: (item: ResponseItem) => void): DataColumn<ResponseItem>[] {
  return [
    {
      id: 'kind',
      header: 'Item',
      width: 130,
      cell: (item) => (
        <Badge variant="light" radius="sm" color="gray">
          {describeItem(item).kind}
        </Badge>
      ),
    },
    {
      id: 'about',
      header: 'About',
      width: 160,
      cell: (item) => (
        <Text size="sm" className={item.kind === 'request' ? undefined : 'attest-mono'}>
          {describeItem(item).subject}
        </Text>
      ),
    },
    {
      id: 'what',
      header: 'What',
      cell: (item) => (
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {describeItem(item).text}
        </Text>
      ),
    },
    {
      id: 'added',
      header: 'Added',
      width: 150,
      cell: (item) => (
        <Text size="xs" c="dimmed">
          {formatInstant(item.at)}
        </Text>
      ),
    },
    {
      id: 'remove',
      header: '',
      label: 'Remove',
      width: 56,
      interactive: true,
      cell: (item) => {
        const d = describeItem(item);
        return (
          <Tooltip label="Remove from your response">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove ${d.kind.toLowerCase()} on ${d.subject}`}
              onClick={() => remove(item)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        );
      },
    },
  ];
}

function DraftItems(props: { items: readonly ResponseItem[] }) {
  const client = useApi();
  const queries = useQueryClient();
  const columns = useMemo(() => {
    const remove = async (item: ResponseItem) => {
      try {
        await client.call('auditor.removeItem', { id: item.id });
        await refreshDraft(queries);
      } catch (e) {
        notifyError(e);
      }
    };
    return itemColumns((item) => void remove(item));
  }, [client, queries]);
  if (props.items.length === 0)
    return (
      <Paper withBorder radius="md" p="lg" data-testid="draft-empty">
        <Text size="sm" c="dimmed">
          Nothing in your response yet. Comment on a request or an evidence item, set a request’s
          status, add a new request, or pick population rows to test: each goes here.
        </Text>
      </Paper>
    );
  return (
    <DataTable
      label="Your response"
      testId="draft-items"
      rows={props.items}
      rowId={(item) => item.id}
      columns={columns}
      rowLabel={(item) => {
        const d = describeItem(item);
        return `${d.kind} on ${d.subject}`;
      }}
      rowData={(item) => ({ 'data-testid': 'draft-item', 'data-kind': item.kind })}
      rowHeight={56}
    />
  );
}

/**
 * "Your response": everything the auditor added while browsing, who signs it, and Save — a file
 * signed with the auditor's key, for the consultant to import into the vault the package came
 * from.
 */
export function ResponseView() {
  const pkg = useOpenAuditPackage();
  const draft = useAuditDraft();
  const identity = useAuditorIdentity();
  const { job, save } = useSaveFileJob();
  const items = draft.data?.items ?? [];
  const ready = identity.data != null && items.length > 0;
  const saveButton = job.running ? (
    <RunningJob job={job} />
  ) : (
    <Tooltip
      label={
        identity.data == null
          ? 'Say who you are first: the response is signed with your key'
          : 'Add something to your response first'
      }
      disabled={ready}
    >
      <Button
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        disabled={!ready}
        onClick={() =>
          void save({
            label: 'Signing and saving your response',
            method: 'auditor.saveResponse',
            input: {},
            dialog: {
              title: 'Save your response',
              fileName: `Auditor-Response_${(pkg?.engagement ?? 'package').replace(/[^\w.-]+/g, '-')}.json`,
              format: 'json',
            },
          })
        }
      >
        Save response…
      </Button>
    </Tooltip>
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title="Your response"
        purpose="What you send back to the consultant: your comments, new requests, statuses and sample picks, signed with your key. The consultant imports it into the engagement."
        action={saveButton}
      />
      {identity.isPending ? (
        <Loader size="sm" aria-label="Reading who you are" />
      ) : (
        <IdentityCard identity={identity.data ?? null} />
      )}
      <Stack gap="xs">
        <Text fw={600}>{items.length === 0 ? 'Items' : plural(items.length, 'item')}</Text>
        {draft.isPending ? <Loader size="sm" /> : <DraftItems items={items} />}
      </Stack>
    </Stack>
  );
}

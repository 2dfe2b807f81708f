import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Draft } from '../../../shared/api/sd';
import type { SdDocument } from '../../../shared/domain/system-description';
import { useApi } from '../../api/provider';
import { apiQueryKey } from '../../api/queries';
import { notifyError, notifySuccess } from '../../app/notify';
import { formatInstant } from '../../components/format';
import { DraftEditor } from './DraftEditor';
import { useOpenId } from '../vault/store';
import { useVaultQuery } from '../vault/use-vault-query';
import { ExportMenu } from './ExportMenu';
import { Markdown } from './Markdown';
import { DOCUMENT_LABELS } from './sd-documents';
import { WarningAlert } from '../../components/WarningAlert';

function DiscardDialog(props: { opened: boolean; onClose(): void; onDiscard(): void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Discard your edits?" size="md">
      <Text size="sm">
        The text goes back to the draft Attest generates from your answers. Your edited text is not
        kept.
      </Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={props.onClose}>
          Keep my edits
        </Button>
        <Button color="red" onClick={props.onDiscard}>
          Discard edits
        </Button>
      </Group>
    </Modal>
  );
}

/**
 * The drafted system description and management assertion: read as a document, edited as
 * Markdown, exported as Markdown, DOCX or PDF.
 */
export function NarrativePanel() {
  const [document, setDocument] = useState<SdDocument>('description');
  const [editing, setEditing] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const client = useApi();
  const queries = useQueryClient();
  const openId = useOpenId();
  const { data: draft, error } = useVaultQuery('sd.draft', { document });
  useEffect(() => {
    if (error) notifyError(error);
  }, [error]);
  // A save answers with the draft as saved: shown at once, without reading it again.
  const setDraft = (saved: Draft) =>
    queries.setQueryData(apiQueryKey(openId, 'sd.draft', { document: saved.document }), saved);

  const discard = async () => {
    setConfirmDiscard(false);
    try {
      setDraft(await client.call('sd.saveDraft', { document, markdown: null }));
      setEditing(false);
      notifySuccess('Back to the generated draft.');
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="md" data-testid="narrative">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <SegmentedControl
            aria-label="Document"
            data={(['description', 'assertion'] as const).map((d) => ({
              value: d,
              label: DOCUMENT_LABELS[d],
            }))}
            value={document}
            onChange={(d) => {
              setEditing(false);
              setDocument(d as SdDocument);
            }}
          />
          {draft && (
            <Badge variant="light" color={draft.edited ? 'yellow' : 'gray'} radius="sm" tt="none">
              {draft.edited ? 'Edited by you' : 'Generated from your answers'}
            </Badge>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          {draft?.edited && (
            <Button variant="subtle" color="gray" onClick={() => setConfirmDiscard(true)}>
              Discard edits
            </Button>
          )}
          <Button
            variant="default"
            leftSection={editing ? <IconEye size={16} /> : <IconPencil size={16} />}
            onClick={() => setEditing((e) => !e)}
            disabled={!draft}
          >
            {editing ? 'Done editing' : 'Edit'}
          </Button>
          <ExportMenu document={document} />
        </Group>
      </Group>
      {draft?.edited && draft.answersChangedSince && (
        <WarningAlert title="The answers changed since you edited this text">
          Your text is kept as you wrote it, so it may be out of date. Check it against the answers,
          or discard your edits to see the draft generated from them now.
        </WarningAlert>
      )}
      {!draft ? (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading the draft" />
        </Center>
      ) : editing ? (
        <DraftEditor key={draft.document} draft={draft} onSaved={setDraft} />
      ) : (
        <Paper withBorder radius="lg" px={48} py={40} maw={860}>
          <Markdown markdown={draft.markdown} />
          <Text size="xs" c="dimmed" mt="xl">
            {draft.edited ? 'Edited text' : 'Generated'} from the answers as they stood{' '}
            {formatInstant(draft.generatedFrom)}. A draft for management to review; not an audit
            opinion.
          </Text>
        </Paper>
      )}
      <DiscardDialog
        opened={confirmDiscard}
        onClose={() => setConfirmDiscard(false)}
        onDiscard={() => void discard()}
      />
    </Stack>
  );
}

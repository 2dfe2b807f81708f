import { Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { methods } from '../../../shared/api/index';
import type { Draft } from '../../../shared/api/sd';
import { useApi } from '../../api/provider';
import { useAutosaveForm } from '../../components/form/use-autosave-form';

const LABELS = { markdown: 'The draft' };

/**
 * Edits a draft's Markdown; saved as the user types (a pause), as the user's own text, with
 * Undo and its limit in view.
 */
export function DraftEditor(props: { draft: Draft; onSaved(draft: Draft): void }) {
  const client = useApi();
  const [initial] = useState({ markdown: props.draft.markdown });
  const { field, counter } = useAutosaveForm<{ markdown: string }, Draft>({
    values: initial,
    patchSchema: methods['sd.saveDraft'].input,
    labels: LABELS,
    saveField: (_field, markdown) =>
      client.call('sd.saveDraft', { document: props.draft.document, markdown: markdown as string }),
    onSaved: (draft) => props.onSaved(draft),
    // A long text: a slightly longer pause than a field's, so a sentence is one save.
    delay: 900,
  });

  return (
    <Stack gap="xs">
      <Textarea
        aria-label="Draft text (Markdown)"
        description={[
          'Headings start with #, ##, ###; list items with “- ”; tables use | pipes |. Saved as you type.',
          counter('markdown'),
        ]
          .filter(Boolean)
          .join(' · ')}
        autosize
        minRows={18}
        maxRows={40}
        classNames={{ input: 'attest-mono' }}
        styles={{ input: { fontSize: 'var(--mantine-font-size-xs)', lineHeight: 1.6 } }}
        {...field('markdown')}
        data-testid="draft-editor"
      />
      <Text size="xs" c="dimmed">
        Your edit replaces the generated text until you discard it. Plain text only: emphasis and
        links are not kept in DOCX or PDF.
      </Text>
    </Stack>
  );
}

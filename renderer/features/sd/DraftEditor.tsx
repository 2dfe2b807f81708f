import { Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Draft } from '../../../shared/api/sd';
import { useApi } from '../../api/provider';
import { useContractErrors } from '../scope/forms/use-contract-errors';
import { useFieldAutosave } from '../scope/forms/use-field-autosave';

/** Edits a draft's Markdown; saved as the user types (a pause), as the user's own text. */
export function DraftEditor(props: { draft: Draft; onSaved(draft: Draft): void }) {
  const client = useApi();
  const [text, setText] = useState(props.draft.markdown);
  const { errors, capture, clear } = useContractErrors();
  const { schedule } = useFieldAutosave<'markdown'>(async (_f, markdown) => {
    try {
      props.onSaved(
        await client.call('sd.saveDraft', {
          document: props.draft.document,
          markdown: markdown as string,
        }),
      );
      clear('markdown');
    } catch (e) {
      capture(e, { field: 'markdown' });
    }
  }, 900);

  return (
    <Stack gap="xs">
      <Textarea
        aria-label="Draft text (Markdown)"
        description="Headings start with #, ##, ###; list items with “- ”; tables use | pipes |. Saved as you type."
        autosize
        minRows={18}
        maxRows={40}
        classNames={{ input: 'attest-mono' }}
        styles={{ input: { fontSize: 'var(--mantine-font-size-xs)', lineHeight: 1.6 } }}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          schedule('markdown', e.currentTarget.value);
        }}
        error={errors.markdown}
        data-testid="draft-editor"
      />
      <Text size="xs" c="dimmed">
        Your edit replaces the generated text until you discard it. Plain text only: emphasis and
        links are not kept in DOCX or PDF.
      </Text>
    </Stack>
  );
}

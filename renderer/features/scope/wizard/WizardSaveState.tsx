import { Group, Loader, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useSaveState } from '../../vault/useSaveState';
import { useUnsaved } from '../forms/unsaved-store';

/** "Saving…" while an edit waits or travels, then "All changes saved": there is no Save button. */
export function WizardSaveState() {
  const writes = useSaveState();
  const waiting = useUnsaved((s) => s.waiting + s.sending);
  const saving = writes === 'saving' || waiting > 0;
  return (
    <Group gap={6} wrap="nowrap" aria-live="polite" data-testid="wizard-save-state">
      {saving ? (
        <Loader size={12} aria-hidden />
      ) : (
        <IconCircleCheck
          size={16}
          stroke={1.8}
          color="var(--mantine-color-teal-text)"
          aria-hidden
        />
      )}
      <Text size="xs" c="dimmed">
        {saving ? 'Saving…' : 'All changes saved'}
      </Text>
    </Group>
  );
}

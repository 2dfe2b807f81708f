import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AUDITOR_STATUSES, type AuditorStatus } from '../../../shared/domain/requests';
import { notifyError, notifySuccess } from '../../app/notify';
import { useAddDraftItem } from './auditor-queries';
import { STATUS_HINTS, STATUS_LABELS } from './draft-view';

/** The auditor's status for a request; a new choice replaces the previous one in the draft. */
export function StatusChoice(props: { requestRef: string; value: AuditorStatus | null }) {
  const add = useAddDraftItem();
  const [busy, setBusy] = useState(false);
  // Shown chosen at once; the draft's answer follows (or the choice goes back if refused).
  const [chosen, setChosen] = useState<AuditorStatus | null>(null);
  const choose = async (status: AuditorStatus) => {
    setBusy(true);
    setChosen(status);
    try {
      await add({ kind: 'status', requestRef: props.requestRef, status });
      notifySuccess(`${props.requestRef} marked ${STATUS_LABELS[status].toLowerCase()}.`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      setChosen(null);
    }
  };
  return (
    <Radio.Group
      label="Your status"
      value={chosen ?? props.value}
      onChange={(v) => void choose(v as AuditorStatus)}
      data-testid="audit-status"
    >
      <Stack gap="xs" mt={6}>
        {AUDITOR_STATUSES.map((s) => (
          <Radio
            key={s}
            value={s}
            disabled={busy}
            label={STATUS_LABELS[s]}
            description={STATUS_HINTS[s]}
          />
        ))}
        {(chosen ?? props.value) === null && (
          <Text size="xs" c="dimmed">
            Not set: the request stays as the consultant left it.
          </Text>
        )}
      </Stack>
    </Radio.Group>
  );
}

import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceDetail } from '../../../shared/api/evidence';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { PersonSelect } from '../../components/PersonSelect';
import { WarningAlert } from '../../components/WarningAlert';
import { formatDate } from '../../components/format';
import { personName, usePeople } from '../people/people-store';
import { useToday } from '../vault/today';
import { DateField } from '../../components/DateField';

/**
 * Who reviewed the item and when. Attest refuses a review by someone who performs or owns a
 * linked control (it would not count: the item stays unreviewed) and says so here.
 */
export function EvidenceReview({ item }: { item: EvidenceDetail }) {
  const api = useApi();
  const people = usePeople((s) => s.items);
  const today = useToday();
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [on, setOn] = useState(today);
  const [warning, setWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const record = async (id: string | null) => {
    setBusy(true);
    setWarning(null);
    try {
      const result = await api.call('evidence.review', {
        id: item.id,
        reviewerId: id,
        ...(id && on ? { reviewedOn: on } : {}),
      });
      if (result.warning) setWarning(result.warning);
      else if (id) notifySuccess(`Recorded the review of ${item.ref}.`);
      else notifySuccess(`Withdrew the review of ${item.ref}.`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="evidence-review">
      {item.reviewerId ? (
        <Group justify="space-between">
          <Text size="sm" data-testid="reviewed-by">
            Reviewed by {personName(people, item.reviewerId) ?? 'someone no longer listed'}
            {item.reviewedOn ? ` on ${formatDate(item.reviewedOn)}` : ''}.
          </Text>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={busy}
            onClick={() => void record(null)}
          >
            Withdraw review
          </Button>
        </Group>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Not reviewed yet. Someone other than the control’s owner or performer reviews it.
          </Text>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <PersonSelect
              label="Reviewer"
              people={people}
              value={reviewerId}
              onChange={setReviewerId}
              style={{ flex: 1 }}
            />
            <DateField label="Reviewed on" value={on} onChange={setOn} w={150} />
            <Button disabled={!reviewerId} loading={busy} onClick={() => void record(reviewerId)}>
              Record review
            </Button>
          </Group>
        </>
      )}
      {warning && (
        <WarningAlert title="Kept unreviewed" data-testid="review-warning">
          {warning}
        </WarningAlert>
      )}
    </Stack>
  );
}

import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AssessmentStatus } from '../../../../shared/domain/coverage';
import { toApiCallError } from '../../../api';
import { notifyError, notifySuccess } from '../../../app/notify';
import { plural } from '../../../components/format';
import { useAssessMany } from '../gaps-actions';
import { ASSESSMENT_LABEL } from '../labels';
import { type BulkTarget, whichControls } from './bulk-selection';

const LISTED = 12;

/**
 * Confirms one status for several controls, all or nothing; not applicable asks for the reason
 * the auditor will read. Each control's notes are kept.
 */
export function BulkStatusModal(props: {
  target: BulkTarget;
  status: AssessmentStatus | null;
  onClose(): void;
  onDone(): void;
}) {
  return (
    <Modal
      opened={props.status !== null}
      onClose={props.onClose}
      title={
        props.status
          ? `Mark ${plural(props.target.count, 'control')} ${ASSESSMENT_LABEL[props.status].toLowerCase()}?`
          : ''
      }
      size="md"
    >
      {props.status && <BulkForm {...props} status={props.status} />}
    </Modal>
  );
}

function BulkForm(props: {
  target: BulkTarget;
  status: AssessmentStatus;
  onClose(): void;
  onDone(): void;
}) {
  const assessMany = useAssessMany();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { count, refs } = props.target;
  const na = props.status === 'not_applicable';

  async function apply() {
    if (na && !reason.trim()) {
      setError('Say why the controls do not apply');
      return;
    }
    setBusy(true);
    try {
      const changed = await assessMany(
        whichControls(props.target),
        props.status,
        na ? reason.trim() : null,
      );
      notifySuccess(
        `${plural(changed, 'control')} marked ${ASSESSMENT_LABEL[props.status].toLowerCase()}.`,
      );
      props.onDone();
    } catch (e) {
      const err = toApiCallError(e);
      const issue = err.issues.find((i) => i.path[0] === 'naReason');
      if (issue) setError(issue.message);
      else notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        <Text span className="attest-mono" size="sm">
          {refs.slice(0, LISTED).join(', ')}
        </Text>
        {count > Math.min(refs.length, LISTED) &&
          ` and ${count - Math.min(refs.length, LISTED)} more`}
      </Text>
      {props.target.kind === 'matching' && (
        <Text size="sm">
          Every control the table’s filters select
          {props.target.except.length > 0 ? ', less the ones you unticked' : ''}.
        </Text>
      )}
      <Text size="sm" c="dimmed">
        Each gets this status with today’s date; their notes are kept. If one cannot be changed,
        none is.
      </Text>
      {na && (
        <Textarea
          label="Why they do not apply"
          description="The same reason is recorded on each control."
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          required
          autosize
          minRows={2}
          data-autofocus
        />
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button onClick={() => void apply()} loading={busy} data-testid="bulk-confirm">
          Mark {plural(count, 'control')}
        </Button>
      </Group>
    </Stack>
  );
}

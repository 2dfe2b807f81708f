import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { methods } from '../../../shared/api/index';
import type { ReadinessView } from '../../../shared/api/readiness';
import { toApiCallError } from '../../api';
import { notifyError, notifySuccess } from '../../app/notify';
import { PersonSelect } from '../../components/PersonSelect';
import { limitProps } from '../../components/form/limits';
import { formatDate } from '../../components/format';
import { usePeople } from '../people/people-store';
import { useFreeze } from './readiness-queries';

const FREEZE_INPUT = methods['readiness.freeze'].input;

/**
 * "Freeze this review": who signs it off (from People) and why. Not an autosaving form on
 * purpose: freezing makes a record that can never change, so it happens once, when asked.
 */
export function FreezeModal(props: {
  opened: boolean;
  readiness: ReadinessView | undefined;
  onClose(): void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Freeze this review" size="md">
      {props.opened && props.readiness && (
        <FreezeForm readiness={props.readiness} onClose={props.onClose} />
      )}
    </Modal>
  );
}

function FreezeForm(props: { readiness: ReadinessView; onClose(): void }) {
  const { items: people, currentPersonId } = usePeople();
  const freeze = useFreeze();
  const [signer, setSigner] = useState<string | null>(currentPersonId);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!signer) {
      setError('Choose who signs off this review');
      return;
    }
    setBusy(true);
    try {
      const frozen = await freeze({ signedOffById: signer, comment });
      notifySuccess(`Review frozen as ${frozen.ref}, signed off by ${frozen.signedOffBy.name}.`);
      props.onClose();
    } catch (e) {
      const err = toApiCallError(e);
      const issue = err.issues.find((i) => i.path[0] === 'signedOffById');
      if (issue) setError(issue.message);
      else notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md" data-testid="freeze-form">
      <Text size="sm">
        Keeps the review as of {formatDate(props.readiness.evaluatedOn)} —{' '}
        {props.readiness.findings.length} findings, {props.readiness.percentPassing} % of checks
        passing — with the audit log’s current entry, so later work can be compared with it. A
        frozen review cannot be changed or deleted.
      </Text>
      <PersonSelect
        label="Signed off by"
        people={people}
        value={signer}
        onChange={(v) => {
          setSigner(v);
          setError(null);
        }}
        error={error}
        required
        data-testid="freeze-signer"
      />
      <Textarea
        label="Comment"
        autosize
        minRows={2}
        maxRows={6}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        {...limitProps(
          FREEZE_INPUT,
          'comment',
          comment,
          'What this review is for, for whoever reads it later',
        )}
        data-testid="freeze-comment"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button onClick={() => void submit()} loading={busy} data-testid="freeze-submit">
          Freeze
        </Button>
      </Group>
    </Stack>
  );
}

import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { PackagePopulation } from '../../../shared/api/methods/auditor';
import { toApiCallError } from '../../api';
import { notifySuccess } from '../../app/notify';
import { plural } from '../../components/format';
import { useAddDraftItem } from './auditor-queries';

/**
 * "Pick N items": the ticked rows of a population become a sample pick in the response, with
 * what the consultant should show for each (the attribute the auditor tests).
 */
export function PickDialog(props: {
  opened: boolean;
  population: PackagePopulation;
  rowKeys: readonly string[];
  onClose(): void;
  onPicked(): void;
}) {
  const add = useAddDraftItem();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = props.rowKeys.length;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await add({
        kind: 'sample',
        populationId: props.population.id,
        rowKeys: [...props.rowKeys],
        note,
      });
      notifySuccess(`${plural(n, 'item')} of ${props.population.id} picked for testing.`);
      setNote('');
      props.onPicked();
    } catch (e) {
      setError(toApiCallError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`Pick ${plural(n, 'item')} to test`}
      size="lg"
      data-testid="pick-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">
          From <strong>{props.population.title}</strong> ({props.population.id}):{' '}
          <Text span size="sm" className="attest-mono">
            {props.rowKeys.join(', ')}
          </Text>
        </Text>
        <Textarea
          label="What to show for each item"
          description="The attribute you test, e.g. “the ticket approving the change, and who approved it”."
          autosize
          minRows={3}
          maxRows={8}
          maxLength={5_000}
          data-autofocus
          value={note}
          error={error}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={n === 0}>
            Pick {plural(n, 'item')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

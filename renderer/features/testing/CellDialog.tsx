import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { CellResult, SelfTestDetail } from '../../../shared/api/self-tests';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';
import { formatDate } from '../../components/format';
import { useVaultQuery } from '../vault/use-vault-query';
import { RESULT_LABEL } from './AttributeGrid';

type Item = SelfTestDetail['items'][number];
type Attribute = SelfTestDetail['attributes'][number];
type Cell = SelfTestDetail['cells'][number];

const NOTE_MAX = 2000;

/**
 * One cell of the grid: its result, a note, and the evidence that shows it. Changing a fail asks
 * why — its deviation is withdrawn, never erased, and the reason is kept with it.
 */
export function CellDialog(props: {
  test: SelfTestDetail;
  item: Item;
  attribute: Attribute;
  cell: Cell | undefined;
  /** A result chosen by key on a failed cell: the dialog opens to ask for the correction. */
  initialResult?: CellResult;
  onClose(): void;
}) {
  const api = useApi();
  const [result, setResult] = useState<CellResult>(
    props.initialResult ?? props.cell?.result ?? 'pass',
  );
  const [note, setNote] = useState(props.cell?.note ?? '');
  const [evidenceId, setEvidenceId] = useState<string | null>(props.cell?.evidenceId ?? null);
  const [correction, setCorrection] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const evidence = useVaultQuery('evidence.list', {
    controlId: props.test.controlId,
    includeSuperseded: false,
    sort: { key: 'performedOn', dir: 'asc' },
    limit: 500,
  });
  const undoingFail = props.cell?.result === 'fail' && result !== 'fail';

  const save = async () => {
    if (undoingFail && correction.trim() === '') {
      setProblem('Say why the fail was wrong: its deviation is withdrawn with this reason.');
      return;
    }
    setSaving(true);
    try {
      await api.call('selfTests.setCell', {
        testId: props.test.id,
        itemId: props.item.id,
        attributeId: props.attribute.id,
        result,
        note,
        evidenceId,
        correction: undoingFail ? correction : undefined,
      });
      props.onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.attribute.text}
      size="lg"
      data-testid="cell-dialog"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {props.item.label}
          {props.item.date ? ` — dated ${formatDate(props.item.date)}` : ''}
        </Text>
        <SegmentedControl
          aria-label="Result"
          value={result}
          onChange={(v) => setResult(v as CellResult)}
          data={(['pass', 'fail', 'na'] as const).map((r) => ({
            value: r,
            label: r === 'na' ? 'Not applicable' : RESULT_LABEL[r],
          }))}
        />
        <Textarea
          label="Note"
          autosize
          minRows={2}
          maxLength={NOTE_MAX}
          description={note.length > NOTE_MAX * 0.8 ? `${note.length} / ${NOTE_MAX}` : undefined}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <Select
          label="Evidence that shows it"
          placeholder="Choose an item linked to the control"
          clearable
          searchable
          data={(evidence.data?.items ?? []).map((e) => ({
            value: e.id,
            label: `${e.ref} ${e.title}`,
          }))}
          value={evidenceId}
          onChange={setEvidenceId}
          comboboxProps={{ withinPortal: true }}
        />
        {undoingFail && (
          <Textarea
            label="Why the fail was wrong"
            description="The deviation it raised is withdrawn and kept with this reason."
            required
            autosize
            minRows={2}
            maxLength={NOTE_MAX}
            value={correction}
            onChange={(e) => {
              setCorrection(e.currentTarget.value);
              setProblem(null);
            }}
            error={problem}
          />
        )}
        {result === 'fail' && props.cell?.result !== 'fail' && (
          <Text size="sm" c="dimmed">
            A fail records a deviation; you describe it in the Deviations panel.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

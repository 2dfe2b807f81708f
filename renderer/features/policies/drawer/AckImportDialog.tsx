import {
  Alert,
  Button,
  FileButton,
  Group,
  Modal,
  Select,
  Stack,
  Stepper,
  Text,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { FileSource } from '../../../../shared/api/methods/blobs';
import type {
  AckImportPreview,
  AckImportRow,
  AckImportResult,
  AckMapping,
} from '../../../../shared/api/policies';
import { type ApiClient, toApiCallError } from '../../../api';
import { useApi } from '../../../api/provider';
import { notifySuccess } from '../../../app/notify';
import { fileName, plural } from '../../../components/format';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';

type Picked = { name: string; source: FileSource };

/** A staged upload the import will not use is dropped at once (the server also drops it later). */
function discard(api: ApiClient, source: FileSource): void {
  if ('uploadId' in source)
    api.call('blobs.discardUpload', { uploadId: source.uploadId }).catch(() => {});
}

const messageOf = (e: unknown) => {
  const error = toApiCallError(e);
  return error.issues[0]?.message ?? error.message;
};

/** Every row of the file (the table draws only those in view), each with what it becomes. */
const ROW_COLUMNS: DataColumn<AckImportRow>[] = [
  { id: 'row', header: 'Row', width: 56, cell: (r) => r.row },
  { id: 'person', header: 'Person', width: 230, cell: (r) => r.person },
  { id: 'date', header: 'Date', width: 110, cell: (r) => r.date },
  {
    id: 'becomes',
    header: 'Becomes',
    cell: (r) =>
      r.problem ? (
        <Text span size="sm" c="var(--mantine-color-error)">
          {r.problem}
        </Text>
      ) : (
        `Acknowledged on ${r.acknowledgedOn}`
      ),
  },
];

/**
 * Acknowledgements from an HR or training export, like the request import: choose the CSV or
 * XLSX, check which columns name the person and the date and what each row becomes, then import
 * the rows Attest can match (the others are listed, never guessed). Nothing is saved before.
 */
export function AckImportDialog(props: {
  opened: boolean;
  onClose(): void;
  versionId: string;
  versionNumber: number;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size={760}
      title={`Import acknowledgements of version ${props.versionNumber}`}
      data-testid="ack-import"
    >
      {props.opened && <AckImport {...props} />}
    </Modal>
  );
}

function AckImport(props: { onClose(): void; versionId: string }) {
  const api = useApi();
  const [file, setFile] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<AckImportPreview | null>(null);
  const [mapping, setMapping] = useState<AckMapping | null>(null);
  const [result, setResult] = useState<AckImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const step = result ? 2 : preview ? 1 : 0;

  // The file in hand is discarded when replaced or when the dialog closes, unless imported.
  useEffect(() => {
    if (file && !result) return () => discard(api, file.source);
  }, [api, file, result]);

  const read = async (picked: Picked, given?: AckMapping) => {
    setBusy(true);
    setProblem(null);
    try {
      const p = await api.call('policies.previewAckImport', {
        versionId: props.versionId,
        source: picked.source,
        fileName: picked.name,
        ...(given ? { mapping: given } : {}),
      });
      setFile(picked);
      setPreview(p);
      setMapping(p.mapping);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (browserFile: File | null) => {
    if (api.kind === 'desktop') {
      const sources = await api.pickFileSources({
        title: 'Choose the HR or training export',
        filters: [{ name: 'Spreadsheets', extensions: ['xlsx', 'csv'] }],
      });
      const source = sources?.[0];
      if (source) void read({ name: 'path' in source ? fileName(source.path) : 'export', source });
      return;
    }
    if (browserFile)
      void read({ name: browserFile.name, source: await api.fileSourceFor(browserFile) });
  };

  const remap = (patch: Partial<AckMapping>) => {
    if (!file || !preview) return;
    const next = { person: '', date: '', ...mapping, ...patch } as AckMapping;
    setMapping(next);
    if (next.person && next.date) void read(file, next);
  };

  const runImport = async () => {
    if (!file || !mapping) return;
    setBusy(true);
    setProblem(null);
    try {
      const out = await api.runJob('policies.importAcks', {
        versionId: props.versionId,
        source: file.source,
        fileName: file.name,
        mapping,
      });
      setResult(out);
      notifySuccess(`Imported ${plural(out.imported, 'acknowledgement')}.`);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const headers = preview?.headers.map((h) => ({ value: h, label: h })) ?? [];
  return (
    <Stack gap="md">
      <Stepper active={step} size="sm">
        <Stepper.Step label="Choose the file" />
        <Stepper.Step label="Check the rows" />
        <Stepper.Step label="Imported" />
      </Stepper>
      {step === 0 && (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            A CSV or Excel (.xlsx) export with a column naming the person — their email, or their
            name as People has it — and the date they acknowledged.
          </Text>
          {api.kind === 'desktop' ? (
            <Button loading={busy} onClick={() => void choose(null)} data-autofocus>
              Choose a file…
            </Button>
          ) : (
            <FileButton onChange={(f) => void choose(f)} accept=".csv,.xlsx">
              {(p) => (
                <Button {...p} loading={busy} data-autofocus>
                  Choose a file…
                </Button>
              )}
            </FileButton>
          )}
        </Stack>
      )}
      {step === 1 && preview && (
        <Stack gap="sm">
          <Group gap="sm">
            <Select
              label="Person column"
              data={headers}
              value={mapping?.person ?? null}
              onChange={(v) => v && remap({ person: v })}
              w={240}
            />
            <Select
              label="Date column"
              data={headers}
              value={mapping?.date ?? null}
              onChange={(v) => v && remap({ date: v })}
              w={240}
            />
          </Group>
          <Text size="sm" data-testid="ack-import-counts">
            {plural(preview.importable, 'row')} will be recorded
            {preview.refused ? `, ${preview.refused} cannot be (see why below)` : ''}.
          </Text>
          <DataTable
            label="Rows of the file"
            testId="ack-import-rows"
            rows={preview.rows}
            rowId={(r) => String(r.row)}
            columns={ROW_COLUMNS}
            rowLabel={(r) => `Row ${r.row}`}
            rowData={(r) => ({ 'data-problem': r.problem !== null || undefined })}
            maxHeight="280px"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setPreview(null)} disabled={busy}>
              Another file
            </Button>
            <Button
              loading={busy}
              disabled={!mapping || preview.importable === 0}
              onClick={() => void runImport()}
            >
              Import {plural(preview.importable, 'acknowledgement')}
            </Button>
          </Group>
          {preview.refused > 0 && (
            <Text size="xs" c="dimmed">
              Rows Attest cannot match are left out, never guessed: add the people on the People
              screen, or correct the file and import it again.
            </Text>
          )}
        </Stack>
      )}
      {step === 2 && result && (
        <Stack gap="sm">
          <Text size="sm">
            Recorded {plural(result.imported, 'acknowledgement')}
            {result.alreadyRecorded
              ? `; ${result.alreadyRecorded} were already recorded (the earlier date is kept)`
              : ''}
            {result.refused.length ? `; ${plural(result.refused.length, 'row')} left out` : ''}.
          </Text>
          {result.refused.length > 0 && (
            <Text size="xs" c="dimmed">
              Left out: {result.refused.map((r) => `row ${r.row} (${r.problem})`).join('; ')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={props.onClose}>Done</Button>
          </Group>
        </Stack>
      )}
      {problem && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
          {problem}
        </Alert>
      )}
    </Stack>
  );
}

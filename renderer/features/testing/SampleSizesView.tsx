import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconRestore, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { toApiCallError } from '../../api';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { offerUndo } from '../../components/form/undo-toast';
import {
  SIZE_FREQUENCIES,
  SIZE_FREQUENCY_LABELS,
  type SampleSizeTable,
  sampleSizeTableSchema,
} from '../../../shared/domain/sample-size';
import { useVaultQuery } from '../vault/use-vault-query';
import { type SizeChange, diffSizeTables, perEventRows, rangeText } from './size-table-diff';

const messageOf = (e: unknown) => {
  const error = toApiCallError(e);
  return error.issues[0]?.message ?? error.message;
};

/** Saves the table in force as a JSON file: the format the auditor's own table is imported in. */
function downloadTable(table: SampleSizeTable) {
  const blob = new Blob([`${JSON.stringify(table, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'sample-size-table.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What an import would do, read before anything is applied. */
interface Staged {
  fileName: string;
  json: string;
  /** Null when the file does not parse as a table: the server gives the reason on apply. */
  changes: SizeChange[] | null;
}

/**
 * The sample-size table in force (T, issue 18 item 1): each frequency and per-event band with
 * its size, where the guidance comes from, the Type I and deviation rules; the auditor's own
 * table is imported from JSON (previewed against this one first), and the defaults restored.
 */
export function SampleSizesView() {
  const api = useApi();
  const query = useVaultQuery('selfTests.sizeTable', {});
  const [staged, setStaged] = useState<Staged | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  // Cleared after each pick, so the same file can be chosen again once the auditor fixes it.
  const resetPicker = useRef<() => void>(null);
  const view = query.data;
  const parsed = view ? sampleSizeTableSchema.safeParse(view.table) : null;
  const table = parsed?.success ? parsed.data : null;

  const choose = async (file: File | null) => {
    resetPicker.current?.();
    if (!file || !table) return;
    setProblem(null);
    const json = await file.text();
    let changes: SizeChange[] | null = null;
    try {
      const next = sampleSizeTableSchema.safeParse(JSON.parse(json));
      if (next.success) changes = diffSizeTables(table, next.data);
    } catch {
      changes = null;
    }
    if (changes === null) {
      // The server says what is wrong, in the words every import uses; nothing is changed.
      await apply(json, file.name);
      return;
    }
    setStaged({ fileName: file.name, json, changes });
  };

  const apply = async (json: string | null, fileName?: string) => {
    const before = table && !view?.isDefault ? JSON.stringify(table) : null;
    setBusy(true);
    setProblem(null);
    try {
      const out = await api.call('selfTests.importSizeTable', { json });
      setStaged(null);
      if (json === null) {
        offerUndo('The default sample-size table', () => {
          void api.call('selfTests.importSizeTable', { json: before }).catch(notifyError);
        });
      } else {
        notifySuccess(`Now using “${out.name}” from ${fileName ?? 'the file'}.`);
      }
    } catch (e) {
      setStaged(null);
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!view || !table) return null;
  return (
    <Stack gap="md" data-testid="sample-sizes">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3} data-testid="size-table-name">
              {table.name}
            </Title>
            <Badge variant="light" color={view.isDefault ? 'gray' : 'teal'}>
              {view.isDefault ? 'Defaults' : 'Your auditor’s table'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" maw={720} data-testid="size-table-source">
            {table.source}
          </Text>
        </Stack>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => downloadTable(table)}
        >
          Download the table in force as JSON
        </Button>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            By frequency
          </Title>
          <Table data-testid="size-by-frequency" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Control frequency</Table.Th>
                <Table.Th>Items to test</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SIZE_FREQUENCIES.map((f) => (
                <Table.Tr key={f} data-frequency={f}>
                  <Table.Td>{SIZE_FREQUENCY_LABELS[f]}</Table.Td>
                  <Table.Td data-testid="size">{rangeText(table.byFrequency[f])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            Per-event controls, by population size
          </Title>
          <Table data-testid="size-per-event" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Population</Table.Th>
                <Table.Th>Items to test</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {perEventRows(table).map((b) => (
                <Table.Tr key={b.band}>
                  <Table.Td>{b.band}</Table.Td>
                  <Table.Td>{b.size}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" mt="xs">
            When the population is no larger than the sample, every item is tested.
          </Text>
        </Paper>
      </SimpleGrid>

      <Stack gap={6}>
        <Text size="sm">
          <b>Type I:</b> no sampling — one instance of each control, walked through. An automated
          control is tested once, with the IT general controls it relies on.
        </Text>
        <Text size="sm" data-testid="size-expansion">
          <b>After a deviation:</b> the sample may be expanded to the next size of the ladder (
          {table.expansionLadder.join(' → ')}), except for annual, semi-annual and quarterly
          controls and populations of four or fewer, which are too small to expand.
        </Text>
        <Text size="sm">
          The suggested size is the low end of the range; a higher-risk control takes the top.
        </Text>
      </Stack>

      <Paper withBorder p="md">
        <Stack gap="sm" align="flex-start">
          <Title order={4}>Use the auditor’s table</Title>
          <Text size="sm" maw={720}>
            A JSON file in the format of the download above. You see what it changes before it is
            used.
          </Text>
          <Group gap="sm">
            <FileButton
              onChange={(f) => void choose(f)}
              accept=".json,application/json"
              resetRef={resetPicker}
            >
              {(p) => (
                <Button {...p} loading={busy} leftSection={<IconUpload size={16} aria-hidden />}>
                  Use the auditor’s table…
                </Button>
              )}
            </FileButton>
            {!view.isDefault && (
              <Button
                variant="default"
                leftSection={<IconRestore size={16} aria-hidden />}
                onClick={() => setConfirmReset(true)}
                disabled={busy}
              >
                Back to the defaults
              </Button>
            )}
          </Group>
          {problem && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              data-testid="size-table-error"
              title="The table was not imported"
            >
              <Text size="sm">{problem}</Text>
              <Text size="sm">Nothing was changed.</Text>
            </Alert>
          )}
        </Stack>
      </Paper>

      <Modal
        opened={staged !== null}
        onClose={() => setStaged(null)}
        title={`Use “${staged?.fileName ?? ''}”?`}
        size="lg"
      >
        {staged && (
          <Stack gap="sm" data-testid="size-table-preview">
            {staged.changes && staged.changes.length > 0 ? (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>What</Table.Th>
                    <Table.Th>In force</Table.Th>
                    <Table.Th>From the file</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {staged.changes.map((c) => (
                    <Table.Tr key={c.what} data-what={c.what}>
                      <Table.Td>{c.what}</Table.Td>
                      <Table.Td>{c.from}</Table.Td>
                      <Table.Td fw={600}>{c.to}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm">The file’s table is the same as the one in force.</Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setStaged(null)}>
                Cancel
              </Button>
              <Button loading={busy} onClick={() => void apply(staged.json, staged.fileName)}>
                Use this table
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={confirmReset}
        onClose={() => setConfirmReset(false)}
        title="Go back to the default sample sizes?"
      >
        <Stack gap="sm">
          <Text size="sm">
            The auditor’s table “{table.name}” stops being used; every suggested sample is read from
            the Attest defaults again.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReset(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirmReset(false);
                void apply(null);
              }}
            >
              Back to the defaults
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

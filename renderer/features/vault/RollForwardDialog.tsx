import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { RollForwardSummary } from '../../../shared/api/roll-forward';
import type { Engagement } from '../../../shared/api/vault';
import type { JobProgress } from '../../../shared/api/jobs';
import { nextPeriodOf } from '../../../shared/domain/next-period';
import type { ReportType } from '../../../shared/domain/engagement';
import { toApiCallError } from '../../api';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';
import { ReportTypeFields } from './ReportTypeFields';
import { WhereToSave } from './WhereToSave';
import { useVaultActions } from './actions';
import { useVaultDialogs } from './dialogs';
import { suggestFileName } from './new-vault-form';
import { useVaultInfo } from './vault-info';

/** What "Start next period" takes along and what stays with this vault (see roll-forward-plan). */
const CARRIED = [
  'Engagement details and Trust Services categories',
  'Scope: criteria, not-relevant reasons, subservice organisations with their CSOCs and CUECs',
  'Controls with their owners, settings, criteria (key or supporting) and assessments',
  'People, risks and open tasks',
  'Policies: the version in force at the end of this period (with its approval), later approved versions and drafts',
  'The system description',
];
const LEFT = [
  'Evidence, populations and stored files',
  'Samples, self-tests and deviations',
  'The auditor’s requests and comments',
  'Frozen readiness reviews, done tasks',
  'Incidents, significant changes and vendor SOC reports of this period',
];

interface Values {
  name: string;
  reportType: ReportType;
  asOf: string;
  periodStart: string;
  periodEnd: string;
  file: string;
}

/** A file name for the next period's vault: the engagement's, with the new period's year. */
function suggestedName(engagement: Engagement): string {
  const next = nextPeriodOf(engagement);
  const year = (next?.period?.start ?? next?.asOf ?? '').slice(0, 4);
  return `${suggestFileName(engagement.name)}${year ? `-${year}` : '-next'}`;
}

/** Desktop: no file until one is chosen in the save dialog (a full path). Browser: a name. */
function initialValues(engagement: Engagement, browser: boolean): Values {
  const next = nextPeriodOf(engagement);
  return {
    name: engagement.name,
    reportType: engagement.reportType,
    asOf: next?.asOf ?? '',
    periodStart: next?.period?.start ?? '',
    periodEnd: next?.period?.end ?? '',
    file: browser ? suggestedName(engagement) : '',
  };
}

type Errors = Partial<Record<keyof Values, string>>;

/** A refusal's field paths (`period.end`, `file`) → the form's fields. */
function fieldOf(path: readonly string[]): keyof Values | null {
  const key = path.join('.');
  if (key === 'file' || key === 'name' || key === 'asOf' || key === 'reportType') return key;
  if (key === 'period.start' || key === 'period') return 'periodStart';
  if (key === 'period.end') return 'periodEnd';
  return null;
}

function RollForwardForm({ engagement }: { engagement: Engagement }) {
  const hide = useVaultDialogs((s) => s.hide);
  const client = useApi();
  const browser = client.kind === 'browser';
  const { openVaultFile } = useVaultActions();
  const [values, setValues] = useState(() => initialValues(engagement, browser));
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ p: JobProgress | null } | null>(null);
  const abort = useRef<AbortController | null>(null);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    if (!values.file.trim()) {
      setErrors({
        file: browser ? 'Give the new vault a file name' : 'Choose where to save the new vault',
      });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ p: null });
    let summary: RollForwardSummary;
    try {
      summary = await client.runJob(
        'vault.rollForward',
        {
          file: browser ? `${values.file.trim()}.attest` : values.file,
          name: values.name,
          reportType: values.reportType,
          ...(values.reportType === 'type1'
            ? { asOf: values.asOf }
            : { period: { start: values.periodStart, end: values.periodEnd } }),
        },
        (p) => setProgress({ p }),
        { signal: controller.signal },
      );
    } catch (e) {
      const error = toApiCallError(e);
      setProgress(null);
      if (error.code === 'cancelled') return;
      if (error.code === 'conflict') {
        setErrors({ file: error.message });
      } else if (error.code === 'validation' && error.issues.length > 0) {
        const fields: Errors = {};
        for (const issue of error.issues) {
          const field = fieldOf(issue.path);
          if (field) fields[field] ??= issue.message;
          else setGeneral(issue.message);
        }
        setErrors(fields);
      } else {
        notifyError(error);
      }
      return;
    } finally {
      abort.current = null;
    }
    hide();
    if (await openVaultFile(summary.path)) {
      notifySuccess(
        `Started the next period: “${summary.engagement.name}” is open. The previous vault is unchanged.`,
      );
    }
  };

  if (progress) {
    return (
      <JobProgressLine
        label="Starting the next period"
        progress={progress.p}
        onCancel={() => abort.current?.abort()}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="roll-forward-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          A new vault for the next engagement, built from this one. This vault stays as it is, with
          everything the auditor saw.
        </Text>
        {general && (
          <Alert color="red" variant="light">
            {general}
          </Alert>
        )}
        <TextInput
          label="Engagement name"
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          required
        />
        <ReportTypeFields
          id="next-report-type"
          values={values}
          errors={errors}
          onReportType={(type) => set('reportType', type)}
          onDate={set}
        />
        <WhereToSave
          browser={browser}
          label="New vault file"
          value={values.file}
          error={errors.file}
          defaultName={suggestedName(engagement)}
          onChange={(file) => set('file', file)}
        />
        <SimpleGrid cols={2} spacing="md">
          <Stack gap={4}>
            <Title order={3} size="h6">
              Carried to the new vault
            </Title>
            <List size="sm" spacing={2}>
              {CARRIED.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap={4}>
            <Title order={3} size="h6">
              Stays with this vault
            </Title>
            <List size="sm" spacing={2}>
              {LEFT.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </Stack>
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={hide}>
            Cancel
          </Button>
          <Button type="submit" data-testid="roll-forward-create">
            Create and open
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Vault → "Start next period…": the next engagement's vault, opened when it is ready. */
export function RollForwardDialog() {
  const opened = useVaultDialogs((s) => s.dialog === 'rollForward');
  const hide = useVaultDialogs((s) => s.hide);
  const engagement = useVaultInfo((i) => i.engagement);
  return (
    <Modal
      opened={opened}
      onClose={hide}
      title="Start next period"
      size="lg"
      // Closing mid-way would hide a job that is still building the new vault.
      closeOnClickOutside={false}
      data-testid="roll-forward-dialog"
    >
      {opened && engagement && <RollForwardForm engagement={engagement} />}
    </Modal>
  );
}

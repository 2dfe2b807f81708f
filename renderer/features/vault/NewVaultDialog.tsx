import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../shared/domain/engagement';
import { toApiCallError } from '../../api';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { CATEGORY_HELP } from '../scope/categories';
import { periodLengthWarning } from '../../../shared/domain/report-period';
import { useVaultDialogs } from './dialogs';
import {
  EMPTY_NEW_VAULT,
  type FieldErrors,
  type NewVaultValues,
  checkLocally,
  mapIssues,
  suggestFileName,
  toCreateInput,
} from './new-vault-form';
import { useVaultSession } from './session';
import { ReportTypeFields } from './ReportTypeFields';
import { WhereToSave } from './WhereToSave';
import { WarningAlert } from '../../components/WarningAlert';
import { engagementInput } from '../../../shared/api/vault';
import { limitProps } from '../../components/form/limits';

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

function NewVaultForm() {
  const hide = useVaultDialogs((s) => s.hide);
  const { create } = useVaultSession();
  const [values, setValues] = useState<NewVaultValues>(EMPTY_NEW_VAULT);
  const [fileTouched, setFileTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const browser = useApi().kind === 'browser';
  // Unusual but allowed: a warning beside the dates, never a reason to refuse the form.
  const periodWarning =
    values.reportType === 'type2'
      ? periodLengthWarning(values.periodStart, values.periodEnd)
      : null;

  const set = <K extends keyof NewVaultValues>(key: K, value: NewVaultValues[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (key === 'name' && browser && !fileTouched) {
        next.file = String(value).trim() ? suggestFileName(String(value)) : '';
      }
      return next;
    });
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const toggleCategory = (c: Category, on: boolean) =>
    set(
      'categories',
      CATEGORIES.filter((x) => x === 'security' || (x === c ? on : values.categories.includes(x))),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkLocally(values, browser);
    setGeneral([]);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const info = await create(toCreateInput(values, browser));
      hide();
      notifySuccess(`Created “${info.engagement.name}”.`);
    } catch (e) {
      const error = toApiCallError(e);
      if (error.code === 'validation' && error.issues.length > 0) {
        const mapped = mapIssues(error.issues);
        setErrors(mapped.fields);
        setGeneral(mapped.general);
      } else if (error.code === 'conflict') {
        setErrors({ file: error.message });
      } else {
        notifyError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="new-vault-form">
      <Stack gap="md">
        {general.length > 0 && (
          <Alert color="red" variant="light" title="Some details need attention">
            {general.join(' ')}
          </Alert>
        )}
        <Section title="Engagement">
          <SimpleGrid cols={2} spacing="md">
            <TextInput
              label="Engagement name"
              placeholder="e.g. SOC 2 Type II 2026"
              required
              data-autofocus
              value={values.name}
              {...limitProps(engagementInput, 'name', values.name)}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label="Client"
              placeholder="Organisation being assessed"
              value={values.client}
              {...limitProps(engagementInput, 'client', values.client)}
              onChange={(e) => set('client', e.currentTarget.value)}
              error={errors.client}
            />
          </SimpleGrid>
        </Section>

        <Section title="Report">
          <ReportTypeFields
            id="report-type"
            description="Type I looks at the design of controls on one date; Type II at how they operated over a period. Dates can be set later."
            values={values}
            errors={errors}
            onReportType={(type) => set('reportType', type)}
            onDate={set}
          />
          {periodWarning && (
            <WarningAlert data-testid="period-warning">{periodWarning}</WarningAlert>
          )}
        </Section>

        <Section title="Trust Services categories">
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
            {CATEGORIES.map((c) => (
              <Checkbox
                key={c}
                label={CATEGORY_LABELS[c]}
                description={CATEGORY_HELP[c]}
                checked={values.categories.includes(c)}
                disabled={c === 'security'}
                onChange={(e) => toggleCategory(c, e.currentTarget.checked)}
              />
            ))}
          </SimpleGrid>
          {errors.categories && (
            <Text size="xs" c="red">
              {errors.categories}
            </Text>
          )}
        </Section>

        <Section title="Where to save">
          <WhereToSave
            browser={browser}
            value={values.file}
            error={errors.file}
            defaultName={suggestFileName(values.name)}
            onChange={(file) => {
              setFileTouched(true);
              set('file', file);
            }}
          />
        </Section>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={hide} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-testid="create-vault">
            Create vault
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "New vault": everything the contract needs to start an engagement, with errors by field. */
export function NewVaultDialog() {
  const opened = useVaultDialogs((s) => s.dialog === 'new');
  const hide = useVaultDialogs((s) => s.hide);
  return (
    <Modal
      opened={opened}
      onClose={hide}
      title="New vault"
      size="xl"
      scrollAreaComponent={ScrollArea.Autosize}
      data-testid="new-vault-dialog"
    >
      <Text size="sm" c="dimmed" mb="lg">
        One vault holds one engagement: its scope, assessments, evidence and history, in a single
        file on this computer.
      </Text>
      {opened && <NewVaultForm />}
    </Modal>
  );
}

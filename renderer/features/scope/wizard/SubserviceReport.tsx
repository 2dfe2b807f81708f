import {
  Anchor,
  Button,
  FileButton,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconFileUpload, IconPaperclip } from '@tabler/icons-react';
import type { Subservice } from '../../../../shared/api/sd';
import { REPORT_OPINIONS, type ReportOpinion } from '../../../../shared/domain/system-description';
import { useApi } from '../../../api/provider';
import { blobUrl } from '../../../api/download';
import { notifyError, notifySuccess } from '../../../app/notify';
import type { FieldErrors } from '../../../components/field-errors';
import { JobProgressLine } from '../../../components/JobProgressLine';
import { useJob } from '../../../api/use-job';
import { useVaultInfo } from '../../vault/vault-info';
import { bridgeGap, bridgeGapDates } from './report-dates';
import { BridgeLetterFields, ExceptionsAssessmentField } from './SubserviceReview';
import { FormSection, type Update } from './SubserviceFields';
import { OPINION_LABELS, type SubserviceValues } from './subservice-form';
import { DateField } from '../../../components/DateField';
import { limitProps } from '../../../components/form/limits';
import { subserviceInput } from '../../../../shared/api/sd';

/** The organisation's SOC report: type, period, opinion, exceptions, our review, the file. */
export function SubserviceReport(props: {
  values: SubserviceValues;
  errors: FieldErrors;
  update: Update;
  /** The saved organisation (a file can be attached once it exists). */
  saved: Subservice | null;
}) {
  const { values, errors, update } = props;
  const r = values.report;
  const setReport = (change: Partial<SubserviceValues['report']>, now = false) =>
    update((v) => ({ ...v, report: { ...v.report, ...change } }), now);
  const ourEnd =
    useVaultInfo(({ engagement: e }) =>
      e.reportType === 'type2' ? (e.period?.end ?? null) : e.asOf,
    ) ?? null;
  const gap = bridgeGap(r.periodEnd || null, ourEnd);
  const gapDates = bridgeGapDates(r.periodEnd || null, ourEnd);

  return (
    <FormSection
      title="Their SOC report"
      help="Read it once a year: the period it covers, the opinion, whether its exceptions affect us, and the bridge letter for any part of our period it does not reach."
    >
      <Input.Wrapper label="Report type" labelElement="div" id="sso-report-type">
        <SegmentedControl
          mt={6}
          display="flex"
          w="fit-content"
          aria-labelledby="sso-report-type-label"
          data={[
            { value: 'none', label: 'Not received yet' },
            { value: 'type1', label: 'Type I' },
            { value: 'type2', label: 'Type II' },
          ]}
          value={r.type ?? 'none'}
          onChange={(t) =>
            setReport({ type: t === 'none' ? null : (t as 'type1' | 'type2') }, true)
          }
        />
      </Input.Wrapper>
      {r.type && (
        <SimpleGrid cols={2} spacing="md">
          {r.type === 'type2' && (
            <DateField
              label="Report period starts"
              value={r.periodStart}
              onChange={(iso) => setReport({ periodStart: iso })}
              error={errors['report.periodStart']}
            />
          )}
          <DateField
            label={r.type === 'type2' ? 'Report period ends' : 'Report as of'}
            value={r.periodEnd}
            onChange={(iso) => setReport({ periodEnd: iso })}
            error={errors['report.periodEnd']}
          />
          <Select
            label="Opinion"
            placeholder="As the auditor gave it"
            data={REPORT_OPINIONS.map((o) => ({ value: o, label: OPINION_LABELS[o] }))}
            value={r.opinion}
            onChange={(o) => setReport({ opinion: (o as ReportOpinion | null) ?? null }, true)}
            clearable
            comboboxProps={{ withinPortal: true }}
            error={errors['report.opinion']}
          />
          <DateField
            label="We reviewed it on"
            value={r.reviewedOn}
            onChange={(iso) => setReport({ reviewedOn: iso })}
            error={errors['report.reviewedOn']}
          />
        </SimpleGrid>
      )}
      {r.type && (
        <>
          <Textarea
            label="Exceptions noted"
            placeholder="None, or what the auditor found and whether it affects you"
            autosize
            minRows={1}
            value={r.exceptions}
            {...limitProps(subserviceInput, 'report.exceptions', r.exceptions)}
            onChange={(e) => setReport({ exceptions: e.currentTarget.value })}
            error={errors['report.exceptions']}
          />
          <ExceptionsAssessmentField report={r} errors={errors} setReport={setReport} />
          <TextInput
            label="Gap a bridge letter must cover"
            description={
              gap
                ? `Their report ends before yours does: ${gap} is not covered.`
                : 'The part of your period their report does not reach, if any'
            }
            value={r.bridgeGap}
            {...limitProps(subserviceInput, 'report.bridgeGap', r.bridgeGap)}
            onChange={(e) => setReport({ bridgeGap: e.currentTarget.value })}
            error={errors['report.bridgeGap']}
            rightSectionWidth={gap && !r.bridgeGap ? 76 : undefined}
            rightSection={
              gap && !r.bridgeGap ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  aria-label={`Use ${gap}`}
                  onClick={() => setReport({ bridgeGap: gap }, true)}
                >
                  Use this
                </Button>
              ) : undefined
            }
          />
          <BridgeLetterFields report={r} errors={errors} setReport={setReport} gap={gapDates} />
        </>
      )}
      <ReportFile org={props.saved} />
    </FormSection>
  );
}

/** The report file itself, stored in the vault under its own name (a job: it may be large). */
function ReportFile({ org }: { org: Subservice | null }) {
  const job = useJob();
  const client = useApi();
  if (!org) {
    return (
      <Text size="xs" c="dimmed">
        Add the organisation first; then you can attach the report file.
      </Text>
    );
  }

  const attach = async (file: File | null) => {
    if (!file) return;
    try {
      // A path on the desktop, an upload in a browser: either way the file keeps its name.
      const source = await client.fileSourceFor(file);
      const result = await job.run(`Storing ${file.name}`, 'sd.attachSubserviceReport', {
        id: org.id,
        source,
        fileName: file.name,
      });
      if (result) notifySuccess(`Attached ${file.name}.`);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="xs">
      {org.reportFile && (
        <Group gap={6}>
          <IconPaperclip size={15} aria-hidden />
          <Anchor
            href={blobUrl(org.reportFile.blobId, {
              fileName: org.reportFile.fileName,
              download: true,
            })}
            download={org.reportFile.fileName}
            size="sm"
            data-testid="report-file"
          >
            {org.reportFile.fileName}
          </Anchor>
        </Group>
      )}
      {job.running ? (
        <JobProgressLine
          label={job.running.label}
          progress={job.running.progress}
          onCancel={job.cancel}
        />
      ) : (
        <Group>
          <FileButton
            onChange={(file) => void attach(file)}
            accept=".pdf,.docx,.zip,application/pdf"
          >
            {(props) => (
              <Button variant="default" leftSection={<IconFileUpload size={16} />} {...props}>
                {org.reportFile ? 'Replace report file…' : 'Attach report file…'}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}

import { Alert, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { JobProgressLine } from '../../../components/JobProgressLine';
import { formatInstant, plural } from '../../../components/format';
import { ImportCounts } from './ImportCounts';
import type { ImportWizard } from './useImportWizard';

/** Step 4: the import job under way (with Cancel), then what it did. */
export function ImportResult({ wizard }: { wizard: ImportWizard }) {
  const summary = wizard.summary;
  if (!summary) {
    return (
      <JobProgressLine
        label={`Importing ${wizard.file?.name ?? 'the request list'}…`}
        progress={wizard.progress}
        onCancel={wizard.cancelImport}
      />
    );
  }
  const saved = summary.counts.new + summary.counts.updated;
  return (
    <Stack gap="md" data-testid="import-summary">
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck size={18} aria-hidden />}
        title={
          saved > 0
            ? `Imported ${summary.fileName}: ${plural(saved, 'request')} saved`
            : `Imported ${summary.fileName}: nothing had changed`
        }
      >
        <Text size="sm">
          {formatInstant(summary.importedAt)} · {plural(summary.totalRows, 'row')} read. Every
          request keeps the auditor’s columns as given; owners, reviewers, statuses and the
          follow-up threads you added are left as they were.
        </Text>
      </Alert>
      <ImportCounts counts={summary.counts} done />
      {summary.counts.skipped > 0 && (
        <Text size="sm" c="dimmed">
          Skipped rows are in the auditor’s file only. Ask the auditor to correct them, then import
          the new version.
        </Text>
      )}
    </Stack>
  );
}

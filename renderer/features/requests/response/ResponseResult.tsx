import { Alert, List, ScrollArea, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ResponseImportResult } from '../../../../shared/api/auditor-response';
import { plural } from '../../../components/format';
import { KeyFingerprint } from './ResponseConfirmation';

/** What the import did, change by change; or that there was nothing new. */
export function ResponseResult({ result }: { result: ResponseImportResult }) {
  if (result.alreadyImported) {
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<IconInfoCircle size={18} aria-hidden />}
        title="Nothing new: this response was imported before"
        data-testid="response-result"
        data-nothing-new
      >
        <Text size="sm">
          All {plural(result.itemsAlreadyImported, 'item')} from {result.attribution} were in the
          vault already. Nothing changed.
        </Text>
      </Alert>
    );
  }
  return (
    <Stack gap="md" data-testid="response-result">
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck size={18} aria-hidden />}
        title={`Imported ${plural(result.itemsApplied, 'item')} from the auditor’s response`}
      >
        <Stack gap={6}>
          <Text size="sm">
            Marked as from {result.attribution}
            {result.itemsAlreadyImported > 0 &&
              `; ${plural(result.itemsAlreadyImported, 'item')} imported before were skipped`}
            . Each change is in the vault’s history.
          </Text>
          {result.fingerprint && (
            <>
              <Text size="sm">The auditor’s key, to confirm by another channel if not yet:</Text>
              <KeyFingerprint value={result.fingerprint} />
            </>
          )}
        </Stack>
      </Alert>
      <ScrollArea.Autosize mah={260} type="auto">
        <List size="sm" spacing={4} data-testid="response-changes">
          {result.changes.map((c, i) => (
            <List.Item key={`${i}:${c.requestRef}`} data-kind={c.kind}>
              {c.message}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Stack>
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/provider';
import { JobProgressLine } from '../../components/JobProgressLine';
import {
  cancelOpening,
  chooseAuditPackage,
  dismissOpenResult,
  useOpenPackage,
} from './open-package';
import { FailedReport } from './VerificationResult';

/**
 * Opening an audit package: the check's progress with Cancel, then — when it failed — every
 * problem it found. A package that passed needs no dialog: auditor mode shows it, verified.
 */
export function OpenPackageDialog() {
  const state = useOpenPackage();
  const client = useApi();
  const queries = useQueryClient();
  const opened = state.phase !== 'idle';
  const running = state.phase === 'running';
  return (
    <Modal
      opened={opened}
      onClose={running ? cancelOpening : dismissOpenResult}
      title={running ? 'Opening audit package' : 'Audit package not opened'}
      size="lg"
      closeOnClickOutside={!running}
      data-testid="open-package-dialog"
    >
      {running && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Every file is checked against the package’s signed manifest before anything of it is
            shown.
          </Text>
          <JobProgressLine label={state.label} progress={state.progress} onCancel={cancelOpening} />
        </Stack>
      )}
      {state.phase === 'failed' && state.report && (
        <Stack gap="lg">
          <FailedReport report={state.report} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={dismissOpenResult}>
              Done
            </Button>
            <Button
              onClick={() => {
                dismissOpenResult();
                void chooseAuditPackage(client, queries);
              }}
            >
              Choose another package…
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

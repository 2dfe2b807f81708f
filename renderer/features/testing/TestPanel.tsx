import { Anchor, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowsMaximize, IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SelfTestDetail } from '../../../shared/api/self-tests';
import { useApi } from '../../api/provider';
import { chooseSaveTarget, deliverOutput, savedMessage } from '../../api/save-output';
import { useJob } from '../../api/use-job';
import { linkTo } from '../../app/routes';
import { notifySuccess } from '../../app/notify';
import { JobProgressLine } from '../../components/JobProgressLine';
import { WarningAlert } from '../../components/WarningAlert';
import { formatInstant, plural } from '../../components/format';
import { HistorySection } from '../history/RecordHistory';
import { AttributeGrid } from './AttributeGrid';
import { AttributesEditor } from './AttributesEditor';
import { DeviationsPanel } from './DeviationsPanel';
import { useSelfTest } from './testing-queries';

const howDrawn = (t: SelfTestDetail) =>
  t.method === 'random'
    ? `random, seed “${t.seed}”`
    : `systematic, start ${t.start ?? 0} (seed “${t.seed}”)`;

/** One self-test: how it was drawn, its flags, the grid and its deviations. */
export function TestPanel(props: { testId: string; readOnly: boolean }) {
  const test = useSelfTest(props.testId).data;
  if (!test) return null;
  const started = test.cells.length > 0;
  return (
    <Stack gap="md" data-testid="self-test" data-test-ref={test.ref}>
      <Paper withBorder p="md" radius="lg">
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap" align="start">
            <Stack gap={2}>
              <Title order={3} size="h4">
                {test.ref}
                {props.readOnly ? ' (earlier test, read-only)' : ''}
              </Title>
              <Text size="sm">
                Drawn {formatInstant(test.drawnAt)} by {test.drawnBy}:{' '}
                {plural(test.sampleSize, 'item')} of {test.populationSize}, {howDrawn(test)}.
              </Text>
              <Text size="xs" c="dimmed">
                {test.sizeBasis} ({test.sizeTable.name}: {test.sizeTable.source})
              </Text>
            </Stack>
            <Text
              fw={600}
              size="sm"
              data-testid="test-result"
              ta="right"
              style={{ whiteSpace: 'nowrap' }}
            >
              {test.result}
            </Text>
          </Group>
          {test.populationChanged && (
            <WarningAlert
              title="Population edited after sampling"
              data-testid="flag-population-changed"
            >
              {test.populationChanged}{' '}
              {test.populationId && (
                <Anchor
                  component={Link}
                  to={linkTo('evidence', test.populationId)}
                  size="sm"
                  c="inherit"
                  underline="always"
                >
                  Open the population
                </Anchor>
              )}
            </WarningAlert>
          )}
          {test.completenessMissing && (
            <WarningAlert
              title="Completeness evidence missing"
              data-testid="flag-test-completeness"
            >
              The population this sample was drawn from has no completeness and accuracy evidence
              linked.{' '}
              {test.populationId && (
                <Anchor
                  component={Link}
                  to={linkTo('evidence', test.populationId)}
                  size="sm"
                  c="inherit"
                  underline="always"
                >
                  Open the population
                </Anchor>
              )}
            </WarningAlert>
          )}
          {!props.readOnly && <TestActions test={test} />}
        </Stack>
      </Paper>
      {!props.readOnly && !started && <AttributesEditor test={test} />}
      <AttributeGrid test={test} readOnly={props.readOnly} />
      <DeviationsPanel test={test} readOnly={props.readOnly} />
      {/* The test's own entries (drawn, expanded); its cells and deviations are records of
          their own, each deviation with its History. */}
      <Paper withBorder p="md" radius="lg">
        <HistorySection id={test.id} />
      </Paper>
    </Stack>
  );
}

function TestActions({ test }: { test: SelfTestDetail }) {
  const api = useApi();
  const job = useJob();
  const expand = async () => {
    const done = await job.run('Expanding the sample', 'selfTests.expand', { id: test.id });
    if (done) notifySuccess(`The sample now has ${plural(done.sampleSize, 'item')}.`);
  };
  const exportWorksheet = async () => {
    const target = await chooseSaveTarget(
      api,
      `${test.controlRef}-${test.ref}-worksheet.xlsx`,
      'xlsx',
      `Save the worksheet of ${test.ref}`,
    );
    if (!target) return;
    const file = await job.run('Writing the worksheet', 'selfTests.exportWorksheet', {
      id: test.id,
      ...target,
    });
    if (file) {
      deliverOutput(file);
      notifySuccess(savedMessage(file));
    }
  };
  const canExpand = test.expansion.allowed;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Tooltip label={test.expansion.reason} disabled={canExpand} multiline w={320}>
          <Button
            variant="default"
            leftSection={<IconArrowsMaximize size={16} />}
            disabled={!canExpand || job.running !== null}
            onClick={() => void expand()}
            data-testid="expand-sample"
          >
            {canExpand && test.expansion.to
              ? `Expand sample to ${test.expansion.to}`
              : 'Expand sample'}
          </Button>
        </Tooltip>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          disabled={job.running !== null}
          onClick={() => void exportWorksheet()}
        >
          Export worksheet (XLSX)
        </Button>
      </Group>
      <Text size="xs" c="dimmed" data-testid="expansion-reason">
        {test.expansion.reason}
      </Text>
      {job.running && (
        <JobProgressLine
          label={job.running.label}
          progress={job.running.progress}
          onCancel={job.cancel}
        />
      )}
    </Stack>
  );
}

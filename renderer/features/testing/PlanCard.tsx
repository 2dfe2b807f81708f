import {
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowsShuffle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SamplePlan, SelfTestDetail } from '../../../shared/api/self-tests';
import { linkTo } from '../../app/routes';
import { useJob } from '../../api/use-job';
import { JobProgressLine } from '../../components/JobProgressLine';
import { WarningAlert } from '../../components/WarningAlert';
import { formatDateRange, plural } from '../../components/format';

const DRAWN_FROM = (plan: SamplePlan) =>
  plan.drawFrom === 'population'
    ? `its population (${plural(plan.populationSize ?? 0, 'row')} in the window)`
    : `its occurrence windows (${plural(plan.populationSize ?? 0, 'window')} over ${formatDateRange(plan.period.start, plan.period.end)})`;

/**
 * What a self-test of the control would draw and why: the suggested size with its range and the
 * source of the guidance, where it draws from, and the draw itself (random from a seed shown and
 * kept, or systematic from a start) as a job.
 */
export function PlanCard(props: {
  plan: SamplePlan;
  /** The test a new draw repeats (a re-test), if the control was tested before. */
  retestOfId: string | null;
  onDrawn(test: SelfTestDetail): void;
}) {
  const { plan } = props;
  const job = useJob();
  const [method, setMethod] = useState<'random' | 'systematic'>('random');
  const [seed, setSeed] = useState('');
  const [start, setStart] = useState<number | ''>('');
  const cannotDraw = plan.mode === 'needs_population' || plan.mode === 'none';

  const draw = async () => {
    const test = await job.run('Drawing the sample', 'selfTests.draw', {
      controlId: plan.controlId,
      populationId: plan.populationId ?? undefined,
      fromOccurrences: plan.drawFrom === 'occurrences',
      level: 'low',
      method,
      seed: seed.trim() || undefined,
      start: method === 'systematic' && start !== '' ? start : undefined,
      retestOfId: props.retestOfId ?? undefined,
    });
    if (test) props.onDrawn(test);
  };

  return (
    <Paper withBorder p="md" radius="lg" data-testid="sample-plan">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Sample plan
        </Title>
        {cannotDraw ? (
          <Text size="sm" data-testid="plan-size">
            Nothing to draw from yet. {plan.notes.join(' ')}{' '}
            <Anchor
              underline="always"
              component={Link}
              to={linkTo('documentationEvidence')}
              size="sm"
            >
              Go to the evidence
            </Anchor>
          </Text>
        ) : (
          <Text size="sm" data-testid="plan-size">
            <Text span fw={700} size="lg">
              {plural(plan.size, 'item')}
            </Text>
            {plan.range && plan.range.min !== plan.range.max
              ? ` (range ${plan.range.min}–${plan.range.max})`
              : ''}{' '}
            from {DRAWN_FROM(plan)}. {plan.basis}
          </Text>
        )}
        {!cannotDraw && (
          <Text size="xs" c="dimmed" data-testid="plan-source">
            {plan.tableName}: {plan.guidanceSource}
          </Text>
        )}
        {plan.populationId && (
          <Text size="sm">
            Population:{' '}
            <Anchor
              underline="always"
              component={Link}
              to={linkTo('evidence', plan.populationId)}
              size="sm"
            >
              open the population
            </Anchor>
          </Text>
        )}
        {/* A drawn test shows its own flag below: the plan's would say it twice. */}
        {plan.completenessMissing && !props.retestOfId && (
          <WarningAlert title="Completeness evidence missing" data-testid="flag-completeness">
            The population has no completeness and accuracy evidence linked: an auditor will not
            rely on a sample from it until it has.{' '}
            {plan.populationId && (
              <Anchor
                component={Link}
                to={linkTo('evidence', plan.populationId)}
                size="sm"
                c="inherit"
                underline="always"
              >
                Link it on the population
              </Anchor>
            )}
          </WarningAlert>
        )}
        {!cannotDraw &&
          plan.notes
            .filter((n) => !plan.completenessMissing || !/completeness and accuracy/.test(n))
            .map((note) => (
              <Text key={note} size="sm" c="dimmed">
                {note}
              </Text>
            ))}
        {!cannotDraw && (
          <Group align="end" gap="sm">
            <SegmentedControl
              aria-label="Selection method"
              value={method}
              onChange={(v) => setMethod(v as 'random' | 'systematic')}
              data={[
                { value: 'random', label: 'Random' },
                { value: 'systematic', label: 'Systematic' },
              ]}
            />
            <TextInput
              label="Seed"
              placeholder="e.g. 2026-05-15"
              maxLength={100}
              value={seed}
              onChange={(e) => setSeed(e.currentTarget.value)}
              w={220}
            />
            {method === 'systematic' && (
              <NumberInput
                label="Start"
                min={0}
                max={100000}
                value={start}
                onChange={(v) => setStart(typeof v === 'number' ? v : '')}
                w={200}
              />
            )}
            <Button
              leftSection={<IconArrowsShuffle size={16} />}
              onClick={() => void draw()}
              disabled={job.running !== null}
            >
              {props.retestOfId ? 'Re-test: draw a new sample' : 'Draw sample'}
            </Button>
          </Group>
        )}
        {!cannotDraw && (
          <Text size="xs" c="dimmed">
            The seed (or the systematic start) is recorded with the sample, so the same items can be
            drawn again; leave it empty and one is made.
          </Text>
        )}
        {job.running && (
          <JobProgressLine
            label={job.running.label}
            progress={job.running.progress}
            onCancel={job.cancel}
          />
        )}
      </Stack>
    </Paper>
  );
}

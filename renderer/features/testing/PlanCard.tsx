import {
  Anchor,
  Button,
  Group,
  Input,
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
import type { SamplePlan, SelfTestDetail, SelfTestSummary } from '../../../shared/api/self-tests';
import { linkTo } from '../../app/routes';
import { useJob } from '../../api/use-job';
import { DateField } from '../../components/DateField';
import { JobProgressLine } from '../../components/JobProgressLine';
import { WarningAlert } from '../../components/WarningAlert';
import { formatDateRange, plural } from '../../components/format';
import type { PlanChoice } from './testing-queries';

const DRAWN_FROM = (plan: SamplePlan, retest: boolean) =>
  plan.drawFrom === 'population'
    ? retest
      ? `its population (${plural(plan.populationSize ?? 0, 'row')} dated ${formatDateRange(plan.period.start, plan.period.end)})`
      : `its population (${plural(plan.populationSize ?? 0, 'row')} in the window)`
    : `its occurrence windows (${plural(plan.populationSize ?? 0, 'window')} over ${formatDateRange(plan.period.start, plan.period.end)})`;

/**
 * What a self-test of the control would draw and why: the suggested size with its range and the
 * source of the guidance, where it draws from, and the draw itself (random from a seed shown and
 * kept, or systematic from a start) as a job.
 */
export function PlanCard(props: {
  plan: SamplePlan;
  /** The end of the range, and a re-test's first day: the plan above is read with them. */
  choice: PlanChoice;
  onChoice(choice: PlanChoice): void;
  /** Why the plan for the current choice could not be read (the last plan stays shown). */
  planError: string | null;
  /** The test a new draw repeats (a re-test), if the control was tested before. */
  retestOf: SelfTestSummary | null;
  onDrawn(test: SelfTestDetail): void;
}) {
  const { plan, choice } = props;
  const retestOfId = props.retestOf?.id ?? null;
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
      level: choice.level,
      from: choice.from ?? undefined,
      method,
      seed: seed.trim() || undefined,
      start: method === 'systematic' && start !== '' ? start : undefined,
      retestOfId: retestOfId ?? undefined,
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
            from {DRAWN_FROM(plan, choice.from !== null)}. {plan.basis}
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
        {plan.completenessMissing && !retestOfId && (
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
        <SizeChoice
          choice={choice}
          onChoice={props.onChoice}
          retestOf={props.retestOf}
          periodEnd={plan.period.end}
          showLevel={!cannotDraw && plan.range !== null && plan.range.min !== plan.range.max}
        />
        {props.planError && (
          <Text size="sm" c="red" role="alert" data-testid="plan-error">
            {props.planError}
          </Text>
        )}
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
              {retestOfId ? 'Re-test: draw a new sample' : 'Draw sample'}
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

/**
 * How the draw is sized: the low end of the table's range (no deviations expected) or its top
 * (more reliance on the control, higher risk); and, once the control has a test, the day a re-test
 * starts — after a remediation, only what happened since shows the fix works.
 */
function SizeChoice(props: {
  choice: PlanChoice;
  onChoice(choice: PlanChoice): void;
  retestOf: SelfTestSummary | null;
  periodEnd: string;
  showLevel: boolean;
}) {
  const { choice, retestOf } = props;
  if (!props.showLevel && !retestOf) return null;
  return (
    <Group align="start" gap="lg">
      {props.showLevel && (
        <Input.Wrapper
          id="plan-level"
          label="Sample size"
          labelElement="div"
          description="The upper end is for more reliance on the control or a higher risk."
        >
          <SegmentedControl
            mt={6}
            aria-labelledby="plan-level-label"
            value={choice.level}
            onChange={(v) => props.onChoice({ ...choice, level: v as 'low' | 'high' })}
            data={[
              { value: 'low', label: 'Lower end of the range' },
              { value: 'high', label: 'Upper end of the range' },
            ]}
          />
        </Input.Wrapper>
      )}
      {retestOf && (
        <DateField
          label="Re-test from"
          description={`After a remediation: only items dated from this day to the period's end are drawn, and the size counts only them. Empty: the whole period, like ${retestOf.ref}.`}
          value={choice.from}
          onChange={(iso) => props.onChoice({ ...choice, from: iso || null })}
          min={retestOf.period.start}
          max={props.periodEnd}
          maw={360}
          data-testid="retest-from"
        />
      )}
    </Group>
  );
}

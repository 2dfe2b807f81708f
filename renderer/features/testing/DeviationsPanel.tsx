import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type Deviation,
  type SelfTestDetail,
  deviationPatch,
} from '../../../shared/api/self-tests';
import { useApi } from '../../api/provider';
import { DateField } from '../../components/DateField';
import { useAutosaveForm } from '../../components/form/use-autosave-form';
import { formatDate, formatInstant } from '../../components/format';
import { badgeStyle } from '../../components/status';
import { RecordHistory } from '../history/RecordHistory';

/**
 * The deviations a test found: each with its date, item, failed attribute and "N of M", and the
 * account management gives of it — saved as typed. A response never closes a deviation; one
 * without a response is marked.
 */
export function DeviationsPanel(props: { test: SelfTestDetail; readOnly: boolean }) {
  const { test } = props;
  const open = test.deviationList.filter((d) => !d.withdrawn);
  const withdrawn = test.deviationList.filter((d) => d.withdrawn);
  return (
    <Paper withBorder p="md" radius="lg" data-testid="deviations-panel">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Deviations
        </Title>
        {test.deviationList.length === 0 && (
          <Text size="sm" c="dimmed">
            None recorded. A fail in the grid becomes a deviation here, for you to describe.
          </Text>
        )}
        {open.map((d) => (
          <DeviationCard
            key={d.id}
            deviation={d}
            controlRef={test.controlRef}
            readOnly={props.readOnly}
          />
        ))}
        {withdrawn.map((d) => (
          <Text key={d.id} size="sm" c="dimmed" data-testid="deviation-withdrawn">
            {d.ref} ({d.attribute}, {d.itemLabel}) was withdrawn {formatInstant(d.withdrawn!.at)}:{' '}
            {d.withdrawn!.reason}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

type Values = {
  occurredOn: string;
  extent: 'isolated' | 'systematic';
  compensatingControl: string;
  rootCause: string;
  remediation: string;
  remediatedOn: string;
  managementResponse: string;
};
type Field = keyof Values;

const LABELS: Record<Field, string> = {
  occurredOn: 'Date',
  extent: 'Extent',
  compensatingControl: 'Compensating control',
  rootCause: 'Root cause',
  remediation: 'Remediation',
  remediatedOn: 'Remediated on',
  managementResponse: 'Management response',
};

function DeviationCard(props: { deviation: Deviation; controlRef: string; readOnly: boolean }) {
  const d = props.deviation;
  const api = useApi();
  const { values, field, counter, form } = useAutosaveForm<Values, Deviation>({
    values: {
      occurredOn: d.occurredOn ?? '',
      extent: d.extent,
      compensatingControl: d.compensatingControl,
      rootCause: d.rootCause,
      remediation: d.remediation,
      remediatedOn: d.remediatedOn ?? '',
      managementResponse: d.managementResponse,
    },
    patchSchema: deviationPatch,
    labels: LABELS,
    toInput: (name, value) =>
      name === 'occurredOn' || name === 'remediatedOn' ? value || null : value,
    saveField: (name, value) =>
      api.call('selfTests.updateDeviation', { id: d.id, patch: { [name]: value } }),
  });
  const prose = (name: Field) => ({
    ...field(name),
    description: counter(name),
    autosize: true,
    minRows: 2,
    maxRows: 8,
    readOnly: props.readOnly,
  });
  const responseMissing = values.managementResponse.trim() === '';

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="deviation"
      data-ref={d.ref}
      data-response-missing={responseMissing || undefined}
    >
      <Stack gap="xs">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            <span className="attest-mono">{d.ref}</span> · {props.controlRef} · {d.attribute}
          </Text>
          <Text size="sm">
            Item {d.itemLabel}
            {d.occurredOn ? `, ${formatDate(d.occurredOn)}` : ''} — failed on{' '}
            <b data-testid="deviation-extent-count">
              {d.failedOf.failed} of {d.failedOf.of}
            </b>{' '}
            items tested.
          </Text>
          <div>
            {responseMissing && (
              <Badge
                styles={badgeStyle('missing')}
                radius="sm"
                tt="none"
                fw={600}
                leftSection={<IconAlertTriangle size={12} aria-hidden />}
                data-testid="response-missing"
              >
                Management response missing
              </Badge>
            )}{' '}
            {!d.reportable && (
              <Badge variant="light" color="gray" radius="sm" tt="none">
                Before the period and fixed by its start: not reportable
              </Badge>
            )}
          </div>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateField
            label="Date"
            value={values.occurredOn}
            onChange={(iso) => field('occurredOn').onChange(iso)}
            error={form.errors.occurredOn}
            readOnly={props.readOnly}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`${d.id}-extent`}>
              Extent
            </Text>
            <SegmentedControl
              aria-labelledby={`${d.id}-extent`}
              value={values.extent}
              onChange={(v) => field('extent').onChange(v)}
              disabled={props.readOnly}
              data={[
                { value: 'isolated', label: 'Isolated' },
                { value: 'systematic', label: 'Systematic' },
              ]}
            />
          </Stack>
          <DateField
            label="Remediated on"
            value={values.remediatedOn}
            onChange={(iso) => field('remediatedOn').onChange(iso)}
            error={form.errors.remediatedOn}
            readOnly={props.readOnly}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea label="Root cause" {...prose('rootCause')} />
          <Textarea label="Compensating control" {...prose('compensatingControl')} />
          <Textarea label="Remediation" {...prose('remediation')} />
          <Textarea label="Management response" {...prose('managementResponse')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Saved as you type. A response or a remediation never closes a deviation: one dated inside
          the period is reported whatever follows.
        </Text>
        <DeviationHistory id={d.id} deviationRef={d.ref} />
      </Stack>
    </Paper>
  );
}

/**
 * A deviation's History, folded: a test can list several deviations, each already a long form,
 * so the entries (and their read) wait until asked for.
 */
function DeviationHistory(props: { id: string; deviationRef: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          aria-expanded={open}
          aria-label={`History of ${props.deviationRef}`}
          onClick={() => setOpen((o) => !o)}
          data-testid="deviation-history-toggle"
        >
          History
        </Button>
      </Group>
      {open && <RecordHistory id={props.id} />}
    </Stack>
  );
}

import { Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { SdEvent, SystemDescription } from '../../../../shared/api/sd';
import type { Engagement } from '../../../../shared/api/vault';
import { NONE_KIND_OF_EVENT, type SdEventKind } from '../../../../shared/domain/system-description';
import { toApiCallError } from '../../../api';
import { useApi } from '../../../api/provider';
import { notifyError } from '../../../app/notify';
import { fieldErrorsFrom } from '../../../components/field-errors';
import { RecordList } from '../../../components/RecordList';
import { formatDate } from '../../../components/format';
import { useToday } from '../../vault/today';
import { ConfirmedNone } from './ConfirmNone';
import { EventDrawer } from './EventDrawer';
import { useArchiveSdRecord } from './sd-save';
import { DateField } from '../../../components/DateField';

const WORDS: Record<SdEventKind, { title: string; help: string; plural: string; add: string }> = {
  incident: {
    title: 'Incidents (DC 4)',
    help: 'Security or availability incidents that were significant, whether or not customers noticed.',
    plural: 'incidents',
    add: 'Add incident',
  },
  change: {
    title: 'Significant changes (DC 9)',
    help: 'Changes to the system or its controls during the period that an auditor should know about.',
    plural: 'significant changes',
    add: 'Add change',
  },
};

function NoneStatement(props: {
  kind: SdEventKind;
  asOf: string | null;
  suggested: string | null;
}) {
  // The end of the period (or the as-of date) is the date a "none" must reach.
  const today = useToday();
  const [date, setDate] = useState(() => props.suggested ?? today);
  const [busy, setBusy] = useState(false);
  /** Attest's refusal of the statement (a date outside the period), shown under the date. */
  const [refused, setRefused] = useState<string | null>(null);
  const client = useApi();
  const words = WORDS[props.kind];

  const setNone = async (asOf: string | null) => {
    setBusy(true);
    setRefused(null);
    try {
      // The engagement's info is re-read by the change this makes.
      await client.call('sd.setNone', { kind: NONE_KIND_OF_EVENT[props.kind], asOf });
    } catch (e) {
      const error = toApiCallError(e);
      if (error.code === 'validation' || error.code === 'conflict') {
        setRefused(fieldErrorsFrom(error.issues).asOf ?? error.message);
      } else notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (props.asOf) {
    return (
      <ConfirmedNone
        testId={`none-${props.kind}`}
        busy={busy}
        onWithdraw={() => void setNone(null)}
      >
        No {words.plural}: confirmed as of {formatDate(props.asOf)}.
      </ConfirmedNone>
    );
  }
  return (
    <Group gap="sm" align="flex-end" wrap="nowrap">
      <DateField
        label={`There were no ${words.plural}, as of`}
        value={date}
        onChange={(iso) => {
          setDate(iso);
          setRefused(null);
        }}
        error={refused}
        w={260}
      />
      <Button variant="default" loading={busy} onClick={() => void setNone(date || null)}>
        State there were none
      </Button>
    </Group>
  );
}

function EventSection(props: {
  kind: SdEventKind;
  events: SdEvent[];
  noneAsOf: string | null;
  suggested: string | null;
}) {
  const [target, setTarget] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const archiveSdRecord = useArchiveSdRecord();
  const words = WORDS[props.kind];
  const active = props.events.filter((e) => !e.archived);
  const archived = props.events.length - active.length;
  const shown = props.events.filter((e) => showArchived || !e.archived);

  return (
    <Stack gap="sm" data-testid={`events-${props.kind}`}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={3} size="h4">
            {words.title}
          </Title>
          <Text size="xs" c="dimmed">
            {words.help}
          </Text>
        </div>
        {archived > 0 && (
          <Switch
            size="xs"
            label={`Archived (${archived})`}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
        )}
      </Group>
      {shown.length > 0 && (
        <RecordList
          items={shown.map((e) => ({
            id: e.id,
            name: e.title,
            title: e.title,
            archived: e.archived,
            meta: (
              <Text span size="xs" c="dimmed">
                {formatDate(e.date)}
              </Text>
            ),
            detail: e.effect || e.description,
          }))}
          onEdit={setTarget}
          onArchive={(id, a) =>
            void archiveSdRecord('sd.archiveEvent', id, a, shown.find((e) => e.id === id)!.title)
          }
        />
      )}
      {active.length === 0 && (
        <NoneStatement kind={props.kind} asOf={props.noneAsOf} suggested={props.suggested} />
      )}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setTarget('new')}
        >
          {words.add}
        </Button>
      </Group>
      <EventDrawer kind={props.kind} target={target} onTarget={setTarget} />
    </Stack>
  );
}

/** Question 5: incidents (DC 4) and, for Type II, significant changes (DC 9): listed or a dated none. */
export function EventsStep({ sd, engagement }: { sd: SystemDescription; engagement: Engagement }) {
  const suggested =
    (engagement.reportType === 'type2' ? engagement.period?.end : engagement.asOf) ?? null;
  return (
    <Stack gap="xl">
      <EventSection
        kind="incident"
        events={sd.incidents}
        noneAsOf={sd.none.incidents}
        suggested={suggested}
      />
      {engagement.reportType === 'type2' ? (
        <EventSection
          kind="change"
          events={sd.changes}
          noneAsOf={sd.none.changes}
          suggested={suggested}
        />
      ) : (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" fw={600}>
            Significant changes (DC 9)
          </Text>
          <Text size="xs" c="dimmed">
            Not needed for a Type I report: changes are reported over a period, and a Type I report
            looks at one date.
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

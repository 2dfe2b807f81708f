import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { SdEvent } from '../../../../shared/api/sd';
import type { SdEventKind } from '../../../../shared/domain/system-description';
import { useApi } from '../../../api/provider';
import { notifySuccess } from '../../../app/notify';
import { useContractErrors } from '../forms/use-contract-errors';
import { useFieldAutosave } from '../forms/use-field-autosave';
import { useSystemDescription } from '../scope-queries';
import { SideDrawer } from '../../../components/SideDrawer';
import { DateField } from '../../../components/DateField';
import { sdEventInput } from '../../../../shared/api/sd';
import { limitProps } from '../../../components/form/limits';

type EventValues = Pick<SdEvent, 'date' | 'title' | 'description' | 'effect' | 'disposition'>;

const NOUN: Record<SdEventKind, string> = { incident: 'incident', change: 'significant change' };

const HELP: Record<SdEventKind, Record<'effect' | 'disposition', string>> = {
  incident: {
    effect: 'What it did to the service commitments or system requirements',
    disposition: 'How it was resolved, and what changed so it does not happen again',
  },
  change: {
    effect: 'What it changed for the controls or the system',
    disposition: 'How the controls were adapted, and when',
  },
};

function EventForm(props: {
  kind: SdEventKind;
  event: SdEvent | null;
  onCreated(e: SdEvent): void;
  onCancel(): void;
}) {
  const { kind, event } = props;
  const [values, setValues] = useState<EventValues>({
    date: event?.date ?? '',
    title: event?.title ?? '',
    description: event?.description ?? '',
    effect: event?.effect ?? '',
    disposition: event?.disposition ?? '',
  });
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useContractErrors();
  const client = useApi();
  const { schedule } = useFieldAutosave<'event'>(async (_f, next) => {
    if (!event) return;
    try {
      await client.call('sd.saveEvent', { id: event.id, kind, ...(next as EventValues) });
      clear();
    } catch (e) {
      capture(e);
    }
  });

  const set = (field: keyof EventValues, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (event) schedule('event', next);
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await client.call('sd.saveEvent', { kind, ...values });
      notifySuccess(`Added “${created.title}”.`);
      props.onCreated(created);
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={create} noValidate data-testid="event-form">
      <Stack gap="md">
        {errors[''] && (
          <Alert color="red" variant="light">
            {errors['']}
          </Alert>
        )}
        <SimpleGrid cols={3} spacing="md">
          <DateField
            label="Date"
            required
            value={values.date}
            onChange={(iso) => set('date', iso)}
            error={errors.date}
          />
        </SimpleGrid>
        <TextInput
          label="Title"
          required
          data-autofocus
          placeholder={
            kind === 'incident' ? 'e.g. Dashboard outage' : 'e.g. Moved to a managed job queue'
          }
          value={values.title}
          {...limitProps(sdEventInput, 'title', values.title)}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
        />
        <Textarea
          label="What happened"
          autosize
          minRows={2}
          value={values.description}
          {...limitProps(sdEventInput, 'description', values.description)}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
        />
        <Textarea
          label="Effect"
          autosize
          minRows={2}
          value={values.effect}
          {...limitProps(sdEventInput, 'effect', values.effect, HELP[kind].effect)}
          onChange={(e) => set('effect', e.currentTarget.value)}
          error={errors.effect}
        />
        <Textarea
          label="Disposition"
          autosize
          minRows={2}
          value={values.disposition}
          {...limitProps(sdEventInput, 'disposition', values.disposition, HELP[kind].disposition)}
          onChange={(e) => set('disposition', e.currentTarget.value)}
          error={errors.disposition}
        />
        {event ? (
          <Text size="xs" c="dimmed">
            Changes are saved as you make them.
          </Text>
        ) : (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onCancel} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Add {NOUN[kind]}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Adds an incident or significant change, or shows and changes one. */
export function EventDrawer(props: {
  kind: SdEventKind;
  /** 'new', an event's id, or null when closed. */
  target: string | null;
  onTarget(target: string | null): void;
}) {
  const list = props.kind === 'incident' ? 'incidents' : 'changes';
  const event = useSystemDescription()?.[list].find((e) => e.id === props.target) ?? null;
  const opened = props.target === 'new' || event !== null;
  const noun = NOUN[props.kind];
  return (
    <SideDrawer
      opened={opened}
      onClose={() => props.onTarget(null)}
      size={520}
      title={event?.title ?? `New ${noun}`}
      overlayProps={{ backgroundOpacity: 0.2 }}
      closeButtonProps={{ 'aria-label': 'Close' }}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened && (
        <EventForm
          key={event?.id ?? 'new'}
          kind={props.kind}
          event={event}
          onCreated={() => props.onTarget(null)}
          onCancel={() => props.onTarget(null)}
        />
      )}
    </SideDrawer>
  );
}

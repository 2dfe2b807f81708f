import { Button, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Input } from '../../../../shared/api/index';
import type { SdEvent } from '../../../../shared/api/sd';
import type { SdEventKind } from '../../../../shared/domain/system-description';
import { useApi } from '../../../api/provider';
import { notifySuccess } from '../../../app/notify';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { useSystemDescription } from '../scope-queries';
import { SideDrawer } from '../../../components/SideDrawer';
import { DateField } from '../../../components/DateField';
import { sdEventInput } from '../../../../shared/api/sd';

type EventValues = Pick<SdEvent, 'date' | 'title' | 'description' | 'effect' | 'disposition'>;

const LABELS: Record<keyof EventValues, string> = {
  date: 'Date',
  title: 'Title',
  description: 'What happened',
  effect: 'Effect',
  disposition: 'Disposition',
};

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

/**
 * An incident or significant change. A new one exists from its Add button; an existing one saves
 * each field as it is changed, with Undo.
 */
function EventForm(props: {
  kind: SdEventKind;
  event: SdEvent | null;
  onCreated(e: SdEvent): void;
  onCancel(): void;
  onDraft(pending: boolean): void;
}) {
  const { kind, event, onDraft } = props;
  const client = useApi();
  /** The event as Attest last answered it: `sd.saveEvent` takes the whole record. */
  const record = useRef<SdEvent | null>(event);
  const [initial] = useState<EventValues>(() => ({
    date: event?.date ?? '',
    title: event?.title ?? '',
    description: event?.description ?? '',
    effect: event?.effect ?? '',
    disposition: event?.disposition ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const { field, counter, createNow, draftPending } = useAutosaveForm<EventValues, SdEvent>({
    values: initial,
    patchSchema: sdEventInput,
    labels: LABELS,
    saveField: (name, value) => {
      const { id, date, title, description, effect, disposition } = record.current!;
      const saved = { id, kind, date, title, description, effect, disposition };
      return client.call('sd.saveEvent', { ...saved, [name]: value });
    },
    create: event
      ? undefined
      : {
          schema: sdEventInput,
          toInput: (values) => ({ kind, ...values }),
          run: (input) => client.call('sd.saveEvent', input as Input<'sd.saveEvent'>),
        },
    onSaved: (saved, how) => {
      record.current = saved;
      if (how === 'created') {
        notifySuccess(`Added “${saved.title}”.`);
        props.onCreated(saved);
      }
    },
  });
  // Before the next event, not after paint: an Esc pressed right after typing must already ask.
  useLayoutEffect(() => onDraft(draftPending), [onDraft, draftPending]);
  /** A text field with its limit: the counter follows the field's own help. */
  const text = (name: Exclude<keyof EventValues, 'date'>, help?: string) => ({
    ...field(name),
    description: [help, counter(name)].filter(Boolean).join(' · ') || undefined,
  });

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await createNow();
    setBusy(false);
  };

  return (
    <form onSubmit={create} noValidate data-testid="event-form">
      <Stack gap="md">
        <SimpleGrid cols={3} spacing="md">
          <DateField label="Date" required {...field('date')} />
        </SimpleGrid>
        <TextInput
          label="Title"
          required
          data-autofocus
          placeholder={
            kind === 'incident' ? 'e.g. Dashboard outage' : 'e.g. Moved to a managed job queue'
          }
          {...text('title')}
        />
        <Textarea label="What happened" autosize minRows={2} {...text('description')} />
        <Textarea label="Effect" autosize minRows={2} {...text('effect', HELP[kind].effect)} />
        <Textarea
          label="Disposition"
          autosize
          minRows={2}
          {...text('disposition', HELP[kind].disposition)}
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
  const [draftPending, setDraftPending] = useState(false);
  const onDraft = useCallback((pending: boolean) => setDraftPending(pending), []);
  return (
    <SideDrawer
      opened={opened}
      onClose={() => props.onTarget(null)}
      draft={{ pending: props.target === 'new' && draftPending, what: `this new ${noun}` }}
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
          onDraft={onDraft}
        />
      )}
    </SideDrawer>
  );
}

import { Center, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { notifyError, notifySuccess } from '../../../app/notify';
import { RequestEvidence } from '../../evidence/LinkedEvidence';
import { InlineConfirm } from '../../../components/InlineConfirm';
import { SideDrawer } from '../../../components/SideDrawer';
import { StatusBadge } from '../../../components/status';
import { REQUEST_STATUS_LABELS, REQUEST_STATUS_TONES, REQUEST_TYPE_LABELS } from '../labels';
import { periodText } from '../import/preview-values';
import { useRequestActions } from '../request-actions';
import { useAllRequests, useRequestDetail } from '../request-queries';
import { AuditorColumns } from './AuditorColumns';
import { FollowUpThread } from './FollowUpThread';
import { OurFields } from './OurFields';
import { StatusControl } from './StatusControl';

/** One request beside the list: the list stays in place behind a light veil. */
export function RequestDrawer(props: { id: string | null; onClose(): void }) {
  return (
    <SideDrawer
      opened={props.id !== null}
      onClose={props.onClose}
      size={600}
      title={<DrawerTitle id={props.id} />}
      data-testid="request-drawer"
    >
      {props.id && <RequestPanel key={props.id} id={props.id} onClose={props.onClose} />}
    </SideDrawer>
  );
}

/** The title follows the list's copy of the request, so it shows before the detail arrives. */
function DrawerTitle({ id }: { id: string | null }) {
  const shown = useAllRequests((s) => s.items.find((r) => r.id === id) ?? null);
  if (!shown) return <span>Request</span>;
  return (
    <Group gap="sm" wrap="nowrap">
      <span className="attest-mono">{shown.ref}</span>
      <StatusBadge tone={REQUEST_STATUS_TONES[shown.status]}>
        {REQUEST_STATUS_LABELS[shown.status]}
      </StatusBadge>
    </Group>
  );
}

function Section(props: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap="xs" data-testid={props.testId}>
      <Title order={3} fz="xs" c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

function RequestPanel({ id, onClose }: { id: string; onClose(): void }) {
  const { data: detail, error } = useRequestDetail(id);
  const { archive } = useRequestActions();
  // A request that cannot be read (archived elsewhere, another vault) closes with the reason.
  useEffect(() => {
    if (error) {
      notifyError(error);
      onClose();
    }
  }, [error, onClose]);

  if (!detail) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading the request" />
      </Center>
    );
  }
  const r = detail.request;
  const period = periodText(r.period);

  return (
    <Stack gap="lg" pb="xl">
      <Stack gap={6}>
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="request-description"
        >
          {r.description || 'The auditor’s file gives no description.'}
        </Text>
        {(period || r.type) && (
          <Text size="xs" c="dimmed">
            {[r.type && REQUEST_TYPE_LABELS[r.type], period && `Period: ${period}`]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
      </Stack>
      <StatusControl request={r} />
      <Divider />
      <Section title="Our side">
        <OurFields request={r} />
      </Section>
      <Section title="The auditor’s columns, as given">
        <AuditorColumns columns={r.auditorColumns} />
      </Section>
      <Section title="Follow-up" testId="follow-up">
        <FollowUpThread detail={detail} />
      </Section>
      <Section title="Linked evidence" testId="request-evidence">
        <RequestEvidence requestId={r.id} />
      </Section>
      <Divider />
      <Group justify="flex-start">
        <InlineConfirm
          label="Archive request"
          question={`Archive ${r.ref}?`}
          explanation="It leaves the list and stays in the vault with its thread and history. Use this for a request the auditor withdrew."
          onConfirm={async () => {
            try {
              await archive(r.id, true);
              notifySuccess(`${r.ref} archived.`);
              onClose();
            } catch (e) {
              notifyError(e);
            }
          }}
        />
      </Group>
    </Stack>
  );
}

import { Badge, Center, Divider, Group, Loader, Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { notifyError } from '../../app/notify';
import { RefTitle } from '../../components/RefTitle';
import { SideDrawer } from '../../components/SideDrawer';
import { EvidenceFields } from './EvidenceFields';
import { EvidenceLinks } from './EvidenceLinks';
import { EvidencePopulation, hasPopulation } from './EvidencePopulation';
import { EvidencePreview } from './EvidencePreview';
import { EvidenceReview } from './EvidenceReview';
import { EvidenceSupersede } from './EvidenceSupersede';
import { EvidenceLinkUrl, EvidenceNoteBody } from './EvidenceWritten';
import { useEvidenceDetail } from './evidence-queries';
import { HistorySection } from '../history/RecordHistory';

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

/** One evidence item beside the list: its file (or address, or note), its facts, links, review, population, history. */
export function EvidenceDrawer(props: {
  id: string | null;
  onClose(): void;
  onOpen(id: string): void;
}) {
  return (
    <SideDrawer
      opened={props.id !== null}
      onClose={props.onClose}
      size={640}
      title={<DrawerTitle id={props.id} />}
      data-testid="evidence-drawer"
    >
      {props.id && (
        <EvidencePanel key={props.id} id={props.id} onClose={props.onClose} onOpen={props.onOpen} />
      )}
    </SideDrawer>
  );
}

function DrawerTitle({ id }: { id: string | null }) {
  const { data } = useEvidenceDetail(id);
  if (!data) return <span>Evidence</span>;
  return (
    <Group gap="sm" wrap="nowrap">
      <RefTitle reference={data.ref} title={data.title} />
      {data.supersededById && (
        <Badge variant="light" color="gray" radius="sm" tt="none">
          Superseded
        </Badge>
      )}
    </Group>
  );
}

function EvidencePanel(props: { id: string; onClose(): void; onOpen(id: string): void }) {
  const { data: item, error } = useEvidenceDetail(props.id);
  const { onClose } = props;
  useEffect(() => {
    if (error) {
      notifyError(error);
      onClose();
    }
  }, [error, onClose]);
  if (!item) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading the item" />
      </Center>
    );
  }
  return (
    <Stack gap="lg" pt="xs" data-testid="evidence-panel" data-ref={item.ref}>
      {item.file && <EvidencePreview file={item.file} />}
      {item.kind === 'link' && (
        <Section title="Link" testId="evidence-link-section">
          <EvidenceLinkUrl item={item} />
        </Section>
      )}
      {item.kind === 'note' && (
        <Section title="Note" testId="evidence-note-section">
          <EvidenceNoteBody item={item} />
        </Section>
      )}
      <EvidenceFields item={item} />
      <Divider />
      <Section title="Evidence for" testId="evidence-links-section">
        <EvidenceLinks item={item} />
      </Section>
      <Divider />
      <Section title="Review">
        <EvidenceReview item={item} />
      </Section>
      {hasPopulation(item) && (
        <>
          <Divider />
          <Section title="Population" testId="evidence-population">
            <EvidencePopulation item={item} />
          </Section>
        </>
      )}
      <Divider />
      <Section title="History">
        <EvidenceSupersede item={item} onOpen={props.onOpen} />
      </Section>
      <HistorySection id={item.id} />
    </Stack>
  );
}

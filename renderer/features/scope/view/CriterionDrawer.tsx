import {
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  List,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CATEGORY_LABELS } from '../../../../shared/domain/engagement';
import { StatusBadge } from '../../../components/status';
import { scopeLinks } from '../scope-paths';
import { useScope } from '../scope-store';
import { MAPPING, carvedOutMap, mappingStatus } from './matrix';

/** A stable empty list: a selector must not answer a new array each time (it would loop). */
const NO_SUBSERVICES: never[] = [];

function Block(props: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h4">
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

/** A criterion: what it asks in practice, typical controls and evidence, and what is mapped. */
export function CriterionDrawer(props: {
  id: string | null;
  onClose(): void;
  onControl(id: string): void;
  onNewControl(criterionId: string): void;
}) {
  const criterion = useScope((s) => s.criteria.find((c) => c.id === props.id) ?? null);
  const controls = useScope((s) => s.controls);
  const subservices = useScope((s) => s.sd?.subservices) ?? NO_SUBSERVICES;
  const mapped = criterion
    ? controls.filter((c) => !c.archived && criterion.controlIds.includes(c.id))
    : [];
  const carvedTo = criterion ? (carvedOutMap(subservices).get(criterion.id) ?? []) : [];
  const status = criterion ? MAPPING[mappingStatus(criterion)] : null;

  return (
    <Drawer
      opened={criterion !== null}
      onClose={props.onClose}
      position="right"
      size={560}
      overlayProps={{ backgroundOpacity: 0.2 }}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={
        criterion ? (
          <Group component="span" gap="sm" wrap="nowrap">
            <Badge
              component="span"
              variant="light"
              color="gray"
              radius="sm"
              size="lg"
              tt="none"
              className="attest-mono"
            >
              {criterion.id}
            </Badge>
            <Text span fw={600} size="lg" lineClamp={1}>
              {criterion.title}
            </Text>
          </Group>
        ) : (
          'Criterion'
        )
      }
    >
      {criterion && status && (
        <Stack gap="lg" data-testid="criterion-detail">
          <Group gap="xs">
            <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
            <Text size="xs" c="dimmed">
              {CATEGORY_LABELS[criterion.category]} · {criterion.groupId} {criterion.groupTitle}
              {criterion.cosoPrinciple ? ` · COSO principle ${criterion.cosoPrinciple}` : ''}
            </Text>
          </Group>
          <Text size="sm">{criterion.guidance.asks}</Text>
          {criterion.notRelevantReason && (
            <Block title="Not relevant">
              <Text size="sm">{criterion.notRelevantReason}</Text>
              <Anchor component={Link} to={scopeLinks.wizard(6)} size="xs">
                Change this in the scoping wizard
              </Anchor>
            </Block>
          )}
          {carvedTo.length > 0 && (
            <Text size="sm" c="dimmed">
              Carved out to {carvedTo.join(' and ')}: met through their controls and your monitoring
              of them.
            </Text>
          )}
          <Block title={`Mapped controls (${mapped.length})`}>
            {mapped.length === 0 ? (
              <Text size="sm" c="dimmed">
                No control serves this criterion yet. Map an existing control to it, or add one.
              </Text>
            ) : (
              <Stack gap={0}>
                {mapped.map((c) => (
                  <UnstyledButton
                    key={c.id}
                    onClick={() => props.onControl(c.id)}
                    className="attest-row"
                    px={6}
                    py={6}
                  >
                    <Group gap="sm" wrap="nowrap">
                      <Text size="sm" fw={600} className="attest-mono" w={64}>
                        {c.ref}
                      </Text>
                      <Text size="sm">{c.title}</Text>
                    </Group>
                  </UnstyledButton>
                ))}
              </Stack>
            )}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => props.onNewControl(criterion.id)}
              >
                Add a custom control for {criterion.id}
              </Button>
            </Group>
          </Block>
          <Block title="Controls that usually meet it">
            <List size="sm" spacing={4}>
              {criterion.guidance.typicalControls.map((t) => (
                <List.Item key={t}>{t}</List.Item>
              ))}
            </List>
          </Block>
          <Block title="What good evidence looks like">
            <List size="sm" spacing={4}>
              {criterion.guidance.typicalEvidence.map((t) => (
                <List.Item key={t}>{t}</List.Item>
              ))}
            </List>
          </Block>
        </Stack>
      )}
    </Drawer>
  );
}

import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { Evidence } from '../../../shared/api/evidence';
import type { Frequency, Nature } from '../../../shared/domain/catalog';
import { linkTo } from '../../app/routes';
import { StatusBadge } from '../../components/status';
import { formatDate, formatDateRange } from '../../components/format';
import { useApiQuery } from '../../api/queries';
import { useOpenId } from '../vault/store';
import { useToday } from '../vault/today';
import { describeDeadline } from '../../../shared/domain/deadline';
import { useConsistency } from '../policies/policy-queries';
import { ControlItgcs } from './ControlItgcs';
import { controlDeadline, controlOccurrences, occurrenceEngagement } from './control-occurrences';
import { useLinkedEvidence } from './evidence-queries';
import {
  CHANGE_HISTORY_LABEL,
  CHANGE_HISTORY_TONE,
  OCCURRENCE_LABEL,
  OCCURRENCE_TONE,
} from './labels';
import { useVaultInfo } from '../vault/vault-info';

function Heading({ children }: { children: string }) {
  return (
    <Title order={3} fz="xs" c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
      {children}
    </Title>
  );
}

/**
 * Items as links to their drawers on the Evidence tab; in a control's drawer (`controlId`), those
 * linked as its configuration change history say so.
 */
function EvidenceList(props: { items: readonly Evidence[]; empty: string; controlId?: string }) {
  if (props.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {props.empty}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="linked-evidence">
      {props.items.map((e) => (
        <Group key={e.id} gap="xs" wrap="nowrap" data-ref={e.ref}>
          <Anchor component={Link} to={linkTo('evidence', e.id)} size="sm" className="attest-mono">
            {e.ref}
          </Anchor>
          <Text size="sm" truncate="end" style={{ flex: 1 }}>
            {e.title}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {e.performedOn ? `Performed ${formatDate(e.performedOn)}` : 'No date performed'}
          </Text>
          {props.controlId && e.changeHistoryFor.includes(props.controlId) && (
            <StatusBadge tone="neutral">Change history</StatusBadge>
          )}
          {!e.reviewerId && <StatusBadge tone="partial">Not reviewed</StatusBadge>}
        </Group>
      ))}
    </Stack>
  );
}

/**
 * A control's evidence and its occurrence timeline (the control drawer): each window it must
 * operate in — met, late, missing or scheduled — filled by the items performed in it.
 */
export function ControlEvidence(props: {
  control: {
    id: string;
    frequency: Frequency;
    nature: Nature;
    operatingSince: string | null;
  };
}) {
  const { control } = props;
  const linked = useLinkedEvidence({ controlId: control.id });
  const engagement = occurrenceEngagement(useVaultInfo((i) => i.engagement));
  const today = useToday();
  const items = linked.data?.items ?? [];
  const deadline = controlDeadline(useConsistency({ controlId: control.id })?.deadlines);
  const openId = useOpenId();
  // Only an automated control leans on ITGCs (the other drawers need not read them).
  const automated = control.nature === 'automated';
  const itgcs = useApiQuery(
    openId,
    'controls.itgcs',
    { id: control.id },
    { enabled: !!openId && automated },
  ).data?.state;
  const timeline = engagement
    ? controlOccurrences(control, engagement, items, today, { deadline, itgcs })
    : null;
  const refOf = new Map(items.map((e) => [e.id, e.ref]));

  return (
    <Stack gap="md" data-testid="control-evidence">
      <Stack gap="xs">
        <Heading>Occurrences</Heading>
        {!timeline ? (
          <Text size="sm" c="dimmed">
            Set the engagement’s period (or as-of date) to see the windows this control must operate
            in.
          </Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs" data-testid="occurrence-timeline">
              {timeline.windows.map((w) => (
                <Paper
                  key={w.start}
                  withBorder
                  radius="md"
                  p="xs"
                  data-testid="occurrence-window"
                  data-status={w.status}
                >
                  <Stack gap={4}>
                    <Text size="xs" c="dimmed">
                      {formatDateRange(w.start, w.end)}
                      {w.partial ? ' (part)' : ''}
                    </Text>
                    <Group gap={6}>
                      <StatusBadge tone={OCCURRENCE_TONE[w.status]}>
                        {OCCURRENCE_LABEL[w.status]}
                      </StatusBadge>
                      {[...w.instances, ...w.late].map((id) => (
                        <Tooltip
                          key={id}
                          label={
                            w.late.includes(id)
                              ? deadline
                                ? `Done late: after “${deadline.text}”`
                                : 'Done late'
                              : 'On time'
                          }
                        >
                          <Anchor
                            component={Link}
                            to={linkTo('evidence', id)}
                            size="xs"
                            className="attest-mono"
                          >
                            {refOf.get(id)}
                          </Anchor>
                        </Tooltip>
                      ))}
                    </Group>
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
            {(timeline.changeHistory.required || timeline.changeHistory.items.length > 0) && (
              <Group gap={6} data-testid="occurrence-change-history">
                <Text size="sm">Configuration change history</Text>
                {timeline.changeHistory.required ? (
                  <StatusBadge tone={CHANGE_HISTORY_TONE[timeline.changeHistory.status]}>
                    {CHANGE_HISTORY_LABEL[timeline.changeHistory.status]}
                  </StatusBadge>
                ) : (
                  <StatusBadge tone="neutral">Not needed now</StatusBadge>
                )}
                {timeline.changeHistory.items.map((id) => (
                  <Anchor
                    key={id}
                    component={Link}
                    to={linkTo('evidence', id)}
                    size="xs"
                    className="attest-mono"
                  >
                    {refOf.get(id)}
                  </Anchor>
                ))}
              </Group>
            )}
            {deadline && (
              <Text size="xs" c="dimmed" data-testid="occurrence-deadline">
                Held to {deadline.policyTitle ?? 'its policy'}: “{deadline.text}” (
                {describeDeadline(deadline)}
                {deadline.unit === 'business_days' ? ', Monday to Friday' : ''}).
              </Text>
            )}
            {timeline.deviationCandidates.length > 0 && (
              <Text size="sm" data-testid="occurrence-late">
                Done late, after the deadline {deadline ? `“${deadline.text}”` : 'for its window'}:{' '}
                {timeline.deviationCandidates.map((id) => refOf.get(id) ?? id).join(', ')} — each is
                a deviation candidate an auditor will ask about.
              </Text>
            )}
            {timeline.notes.map((n) => (
              <Text key={n} size="xs" c="dimmed">
                {n}
              </Text>
            ))}
            {timeline.unplaced.length > 0 && (
              <Text size="xs" c="dimmed">
                {timeline.unplaced.length === 1
                  ? 'One item has'
                  : `${timeline.unplaced.length} items have`}{' '}
                no date performed inside the period, so they fill no window.
              </Text>
            )}
          </>
        )}
      </Stack>
      {automated && <ControlItgcs controlId={control.id} />}
      <Stack gap="xs">
        <Heading>Evidence</Heading>
        <EvidenceList
          items={items}
          controlId={control.id}
          empty="No evidence linked yet. Add files on the Evidence tab of Documentation and link them to this control."
        />
      </Stack>
    </Stack>
  );
}

/** A request's evidence (the request drawer). */
export function RequestEvidence({ requestId }: { requestId: string }) {
  const linked = useLinkedEvidence({ requestId });
  return (
    <EvidenceList
      items={linked.data?.items ?? []}
      empty="No evidence answers this request yet. Link items from their drawers on the Evidence tab."
    />
  );
}

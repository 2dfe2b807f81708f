import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import type { AuditRequest } from '../../../../shared/api/requests';
import type { AuditorStatus } from '../../../../shared/domain/requests';
import { formatDate } from '../../../components/format';
import { StatusBadge } from '../../../components/status';
import {
  AUDITOR_STATUS_LABELS,
  AUDITOR_STATUS_MEANING,
  AUDITOR_STATUS_TONES,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUS_TONES,
  REQUEST_TYPE_LABELS,
} from '../labels';

export const Dash = ({ label }: { label: string }) => (
  <Text span size="sm" c="dimmed" aria-label={label}>
    —
  </Text>
);

/** Criteria as monospace chips; the first ones, then how many more (all of them on hover). */
export function CriteriaChips({
  criteria,
  max = 1,
}: {
  criteria: readonly string[];
  max?: number;
}) {
  if (criteria.length === 0) return <Dash label="No criteria" />;
  const shown = criteria.slice(0, max);
  const more = criteria.length - shown.length;
  return (
    <Group gap={4} wrap="nowrap" title={criteria.join(', ')}>
      {shown.map((c) => (
        <Badge
          key={c}
          size="sm"
          variant="default"
          radius="sm"
          tt="none"
          className="attest-mono"
          fw={500}
        >
          {c}
        </Badge>
      ))}
      {more > 0 && (
        <Text span size="xs" c="dimmed">
          +{more}
        </Text>
      )}
    </Group>
  );
}

/** The description on one line, its full text on hover. */
export function DescriptionCell({ request: r }: { request: AuditRequest }) {
  return (
    <Tooltip label={r.description} multiline w={420} disabled={!r.description} openDelay={500}>
      <Text size="sm" truncate="end">
        {r.description || '—'}
      </Text>
    </Tooltip>
  );
}

/** The owner from People, else the name the auditor's file gave (marked as not in People). */
export function OwnerCell({ request: r, name }: { request: AuditRequest; name: string | null }) {
  if (name) {
    return (
      <Text size="sm" truncate="end">
        {name}
      </Text>
    );
  }
  if (r.ownerText) {
    return (
      <Text size="sm" c="dimmed" fs="italic" truncate="end" title={`${r.ownerText}: not in People`}>
        {r.ownerText}
      </Text>
    );
  }
  return (
    <Text span size="sm" c="dimmed">
      No owner
    </Text>
  );
}

export function DueCell({ request: r }: { request: AuditRequest }) {
  if (r.dueOn === null) return <Dash label="No due date" />;
  if (!r.overdue) return <>{formatDate(r.dueOn)}</>;
  return (
    <span title="Overdue" data-overdue>
      <StatusBadge tone="missing">{formatDate(r.dueOn)}</StatusBadge>
    </span>
  );
}

export const TypeCell = ({ request: r }: { request: AuditRequest }) =>
  r.type ? <>{REQUEST_TYPE_LABELS[r.type]}</> : <Dash label="No type" />;

export const StatusCell = ({ request: r }: { request: AuditRequest }) => (
  <StatusBadge tone={REQUEST_STATUS_TONES[r.status]}>{REQUEST_STATUS_LABELS[r.status]}</StatusBadge>
);

/** The auditor's status, with what it means (and does not) on hover. */
export function AuditorStatusBadge(props: {
  status: AuditorStatus;
  /** A tab stop that shows the meaning on focus (not in the table, whose rows take the keys). */
  focusable?: boolean;
}) {
  const { status } = props;
  return (
    <Tooltip
      label={AUDITOR_STATUS_MEANING[status]}
      multiline
      w={260}
      openDelay={300}
      events={{ hover: true, focus: true, touch: false }}
    >
      <span
        data-auditor-status={status}
        data-testid={props.focusable ? 'auditor-status' : undefined}
        aria-label={AUDITOR_STATUS_MEANING[status]}
        tabIndex={props.focusable ? 0 : undefined}
      >
        <StatusBadge tone={AUDITOR_STATUS_TONES[status]}>
          {AUDITOR_STATUS_LABELS[status]}
        </StatusBadge>
      </span>
    </Tooltip>
  );
}

export const AuditorCell = ({ request: r }: { request: AuditRequest }) =>
  r.auditorStatus ? (
    <AuditorStatusBadge status={r.auditorStatus} />
  ) : (
    <Dash label="No response from the auditor yet" />
  );

export function CommentsCell({ request: r }: { request: AuditRequest }) {
  if (r.commentCount === 0) return null;
  return (
    <Group gap={3} wrap="nowrap" title={`${r.commentCount} in the follow-up thread`}>
      <IconMessage size={13} stroke={1.7} aria-hidden />
      <Text span size="xs" fw={600}>
        {r.commentCount}
      </Text>
    </Group>
  );
}

import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import type { AuditRequest } from '../../../../shared/api/requests';
import { formatDate } from '../../../components/format';
import { StatusBadge } from '../../../components/status';
import {
  AUDITOR_STATUS_LABELS,
  AUDITOR_STATUS_TONES,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUS_TONES,
  REQUEST_TYPE_LABELS,
} from '../labels';

const Dash = ({ label }: { label: string }) => (
  <Text span size="sm" c="dimmed" aria-label={label}>
    —
  </Text>
);

/** Criteria as monospace chips; the first two, then how many more (all of them on hover). */
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

export interface RowProps {
  request: AuditRequest;
  ownerName: string | null;
  selected: boolean;
  height: number;
  rowIndex: number;
  rowProps: Record<string, unknown>;
}

/** One request on one line: the description's full text on hover. */
export function RequestRow(props: RowProps) {
  const r = props.request;
  return (
    <Table.Tr
      {...props.rowProps}
      aria-rowindex={props.rowIndex}
      data-selected={props.selected}
      data-ref={r.ref}
      style={{ height: props.height }}
    >
      <Table.Td className="attest-mono attest-request-ref">{r.ref}</Table.Td>
      <Table.Td>
        <Tooltip label={r.description} multiline w={420} disabled={!r.description} openDelay={500}>
          <Text size="sm" truncate="end">
            {r.description || '—'}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>{r.type ? REQUEST_TYPE_LABELS[r.type] : <Dash label="No type" />}</Table.Td>
      <Table.Td>{r.wave ?? <Dash label="No wave" />}</Table.Td>
      <Table.Td>
        <CriteriaChips criteria={r.criteria} />
      </Table.Td>
      <Table.Td>
        {props.ownerName ? (
          <Text size="sm" truncate="end">
            {props.ownerName}
          </Text>
        ) : r.ownerText ? (
          <Text
            size="sm"
            c="dimmed"
            fs="italic"
            truncate="end"
            title={`${r.ownerText}: not in People`}
          >
            {r.ownerText}
          </Text>
        ) : (
          <Text span size="sm" c="dimmed">
            No owner
          </Text>
        )}
      </Table.Td>
      <Table.Td data-overdue={r.overdue || undefined}>
        {r.dueOn === null ? (
          <Dash label="No due date" />
        ) : r.overdue ? (
          <span title="Overdue">
            <StatusBadge tone="missing">{formatDate(r.dueOn)}</StatusBadge>
          </span>
        ) : (
          formatDate(r.dueOn)
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge tone={REQUEST_STATUS_TONES[r.status]}>
          {REQUEST_STATUS_LABELS[r.status]}
        </StatusBadge>
      </Table.Td>
      <Table.Td>
        {r.auditorStatus ? (
          <StatusBadge tone={AUDITOR_STATUS_TONES[r.auditorStatus]}>
            {AUDITOR_STATUS_LABELS[r.auditorStatus]}
          </StatusBadge>
        ) : (
          <Dash label="No response from the auditor yet" />
        )}
      </Table.Td>
      <Table.Td>
        {r.commentCount > 0 && (
          <Group gap={3} wrap="nowrap" title={`${r.commentCount} in the follow-up thread`}>
            <IconMessage size={13} stroke={1.7} aria-hidden />
            <Text span size="xs" fw={600}>
              {r.commentCount}
            </Text>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

import { Alert, Button, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditRequest } from '../../../../shared/api/requests';
import type { RequestStatus } from '../../../../shared/domain/requests';
import { notifyError, notifySuccess } from '../../../app/notify';
import { formatDate } from '../../../components/format';
import { useRequestActions } from '../request-actions';
import { AuditorStatusBadge } from '../table/RequestCells';
import { REOPEN_TO, statusMoves } from './status-actions';
import { StatusTrack } from './StatusTrack';
import '../callout.css';
import { DateField } from '../../../components/DateField';
import { useToday } from '../../vault/today';

/**
 * Our side of the request as a stepper with the moves allowed from where it stands; beside it,
 * the auditor's verdict, read-only (it only ever comes from the auditor's side).
 */
export function StatusControl(props: { request: AuditRequest }) {
  const r = props.request;
  const [busy, setBusy] = useState(false);
  const [confirmReopen, setConfirmReopen] = useState(false);
  const { setStatus } = useRequestActions();
  const moves = statusMoves(r.status, r.ownerId !== null);

  const move = async (
    to: RequestStatus,
    extra: { reopen?: boolean; submittedOn?: string } = {},
  ) => {
    setBusy(true);
    try {
      const updated = await setStatus({ id: r.id, status: to, reopen: false, ...extra });
      if (to === 'submitted' && !extra.submittedOn)
        notifySuccess(`${r.ref} submitted on ${formatDate(updated.submittedOn!)}.`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      setConfirmReopen(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="request-status">
      <StatusTrack status={r.status} />
      <Group justify="space-between" wrap="nowrap" align="center">
        <Group gap="xs">
          {moves.next && (
            <Tooltip label={moves.next.blocked} disabled={!moves.next.blocked}>
              <Button
                size="xs"
                onClick={() => void move(moves.next!.to)}
                loading={busy}
                disabled={moves.next.blocked !== null}
                data-testid="status-next"
              >
                {moves.next.label}
              </Button>
            </Tooltip>
          )}
          {moves.others.length > 0 && (
            <Menu position="bottom-start">
              <Menu.Target>
                <Button
                  size="xs"
                  variant="default"
                  rightSection={<IconChevronDown size={14} />}
                  disabled={busy}
                >
                  Move to…
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {moves.others.map((m) => (
                  <Menu.Item
                    key={m.to}
                    disabled={m.blocked !== null}
                    onClick={() => void move(m.to)}
                  >
                    {m.label}
                    {m.blocked && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {m.blocked.toLowerCase()}
                      </Text>
                    )}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
          {moves.canReopen && !confirmReopen && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} />}
              onClick={() => setConfirmReopen(true)}
            >
              Reopen…
            </Button>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            Auditor
          </Text>
          {r.auditorStatus ? (
            <AuditorStatusBadge status={r.auditorStatus} focusable />
          ) : (
            <Tooltip label="Set only from the auditor’s side, with their response">
              <Text size="sm" c="dimmed" tabIndex={0} data-testid="auditor-status">
                — no response yet
              </Text>
            </Tooltip>
          )}
        </Group>
      </Group>
      {r.status === 'submitted' && r.submittedOn && (
        <SubmittedOn
          request={r}
          busy={busy}
          onDate={(d) => void move('submitted', { submittedOn: d })}
        />
      )}
      {confirmReopen && (
        <Alert
          color="yellow"
          variant="outline"
          className="attest-callout"
          title={`Reopen ${r.ref}?`}
          role="alertdialog"
        >
          <Text size="sm" mb="sm">
            The auditor already has what was submitted. Reopening moves it back to “In progress” and
            clears the submitted date; submit it again when the new material is ready.
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              loading={busy}
              data-autofocus
              onClick={() => void move(REOPEN_TO, { reopen: true })}
            >
              Reopen
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirmReopen(false)}>
              Keep it submitted
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

/** The submitted date, today unless recorded late (never in the future). */
function SubmittedOn(props: { request: AuditRequest; busy: boolean; onDate(d: string): void }) {
  const today = useToday();
  return (
    <Group gap="xs" align="center">
      <DateField
        size="xs"
        label="Submitted on"
        value={props.request.submittedOn}
        onChange={(iso) => {
          if (iso && iso !== props.request.submittedOn) props.onDate(iso);
        }}
        max={today}
        clearable={false}
        disabled={props.busy}
        w={190}
        data-testid="submitted-on"
      />
    </Group>
  );
}

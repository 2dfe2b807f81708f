import { Alert, Paper, Stack, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { Control, ControlPatch } from '../../../../shared/api/controls';
import { toApiCallError } from '../../../api';
import { notifyError } from '../../../app/notify';
import { PersonSelect } from '../../../components/PersonSelect';
import { formatDate } from '../../../components/format';
import { useUpdateControl } from '../../scope/control-actions';
import { usePeople } from '../../people/people-store';
import { WarningAlert } from '../../../components/WarningAlert';
import { DateField } from '../../../components/DateField';
import { useVaultInfo } from '../../vault/vault-info';

/** The date a control must be operating by: the period start (Type II) or the as-of date (Type I). */
export function useOperatingBy(): { date: string | null; what: string } {
  const engagement = useVaultInfo((i) => i.engagement);
  if (engagement?.reportType === 'type1') return { date: engagement.asOf, what: 'the as-of date' };
  return { date: engagement?.period?.start ?? null, what: 'the period start' };
}

/**
 * Who owns, performs and reviews the control (segregation of duties: performer ≠ reviewer), and
 * since when it operates. Each choice is saved as it is made.
 */
export function ResponsibilitiesPanel({ control }: { control: Control }) {
  const people = usePeople((s) => s.items);
  const updateControl = useUpdateControl();
  const operatingBy = useOperatingBy();
  const [dateError, setDateError] = useState<string | null>(null);

  const save = (patch: ControlPatch) =>
    updateControl(control.id, patch).catch((e: unknown) => {
      const error = toApiCallError(e);
      const issue = error.issues.find((i) => i.path.includes('operatingSince'));
      if (issue) setDateError(issue.message);
      else notifyError(error);
    });

  const sameReviewer = control.performerId !== null && control.performerId === control.reviewerId;
  const late =
    control.operatingSince !== null &&
    operatingBy.date !== null &&
    control.operatingSince > operatingBy.date;

  return (
    <Paper withBorder p="lg" data-testid="responsibilities-panel">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Responsibilities
        </Title>
        <PersonSelect
          label="Owner"
          description={control.ownerRole ? `Usually the ${control.ownerRole}` : undefined}
          people={people}
          value={control.ownerId}
          onChange={(ownerId) => void save({ ownerId })}
        />
        <PersonSelect
          label="Performer"
          people={people}
          value={control.performerId}
          onChange={(performerId) => void save({ performerId })}
        />
        <PersonSelect
          label="Reviewer"
          people={people}
          value={control.reviewerId}
          onChange={(reviewerId) => void save({ reviewerId })}
        />
        {sameReviewer && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={16} />}
            p="xs"
            data-testid="same-person-warning"
          >
            The performer also reviews their own work. An auditor expects a second person
            (segregation of duties).
          </Alert>
        )}
        <DateField
          label="Operating since"
          description={
            operatingBy.date
              ? `On or before ${operatingBy.what} (${formatDate(operatingBy.date)}).`
              : undefined
          }
          value={control.operatingSince}
          error={dateError}
          // Saved as soon as a whole day is read: DateField never reads another day on the way.
          onChange={(iso) => {
            const value = iso || null;
            setDateError(null);
            if (value !== control.operatingSince) void save({ operatingSince: value });
          }}
        />
        {late && (
          <WarningAlert p="xs" data-testid="late-start-warning">
            Started after {operatingBy.what}: for the auditor this is an exception or a significant
            change (DC 9) to describe, not simply “implemented”.
          </WarningAlert>
        )}
      </Stack>
    </Paper>
  );
}

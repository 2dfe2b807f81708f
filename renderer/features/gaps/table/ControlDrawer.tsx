import { Button, Group, Stack } from '@mantine/core';
import { IconFocus2 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { SideDrawer } from '../../../components/SideDrawer';
import { ControlPolicyFindings } from '../../policies/ControlPolicyFindings';
import { AssessmentPanel } from '../focus/AssessmentPanel';
import { ControlGuidance } from '../focus/ControlGuidance';
import { ResponsibilitiesPanel } from '../focus/ResponsibilitiesPanel';
import { useGaps } from '../gaps-store';
import { ControlEvidence } from '../../evidence/LinkedEvidence';
import { HistorySection } from '../../history/RecordHistory';

/** One control beside the table: assess it without losing the place in the list. */
export function ControlDrawer(props: { controlId: string | null; onClose(): void }) {
  const control = useGaps((s) => s.controls.find((c) => c.id === props.controlId) ?? null);
  return (
    <SideDrawer
      opened={control !== null}
      onClose={props.onClose}
      size={560}
      title={
        control && (
          <>
            <span className="attest-mono">{control.ref}</span> {control.title}
          </>
        )
      }
      data-testid="control-drawer"
    >
      {control && (
        <Stack gap="md">
          <Group justify="flex-end">
            <Button
              component={Link}
              to={`/gaps?view=focus&control=${control.id}`}
              variant="subtle"
              size="xs"
              leftSection={<IconFocus2 size={14} />}
            >
              Open in focused mode
            </Button>
          </Group>
          <ControlPolicyFindings controlId={control.id} />
          <AssessmentPanel key={control.id} control={control} withKeys={false} />
          <ResponsibilitiesPanel control={control} />
          <ControlGuidance control={control} />
          <ControlEvidence control={control} />
          <HistorySection id={control.id} />
        </Stack>
      )}
    </SideDrawer>
  );
}

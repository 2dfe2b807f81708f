import { Button, Center, Loader, Tabs } from '@mantine/core';
import {
  IconAlertTriangle,
  IconFocus2,
  IconGridDots,
  IconListCheck,
  IconPlus,
  IconTable,
} from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';
import { RiskRegister } from '../risks/RiskRegister';
import { CoverageView } from './coverage-map/CoverageView';
import { FocusedMode } from './focus/FocusedMode';
import { useGaps } from './gaps-store';
import { ControlsTable } from './table/ControlsTable';

export const GAP_VIEWS = ['focus', 'table', 'coverage', 'risks'] as const;
export type GapView = (typeof GAP_VIEWS)[number];

export function gapView(value: string | null): GapView {
  return (GAP_VIEWS as readonly string[]).includes(value ?? '') ? (value as GapView) : 'focus';
}

/** Gap analysis: assess one control at a time or all in a table; coverage, gaps and risks. */
export function GapsPage() {
  const step = stepById('gaps');
  const status = useGaps((s) => s.status);
  const count = useGaps((s) => s.controls.length);
  const [params, setParams] = useSearchParams();
  const view = gapView(params.get('view'));

  const action =
    view === 'risks' ? (
      <Button leftSection={<IconPlus size={16} />} onClick={() => setParams({ view, risk: 'new' })}>
        Add risk
      </Button>
    ) : view !== 'focus' && count > 0 ? (
      <Button leftSection={<IconFocus2 size={16} />} onClick={() => setParams({ view: 'focus' })}>
        Continue assessing
      </Button>
    ) : undefined;

  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} action={action} />
      {status !== 'ready' ? (
        <Center py="xl">
          <Loader aria-label="Loading the gap analysis" />
        </Center>
      ) : count === 0 ? (
        <StepEmpty
          icon={<IconListCheck size={26} stroke={1.5} />}
          title="No controls to assess yet"
          description="Controls arrive when the scope is confirmed. Then assess each one: whether it is in place, what is missing, and what good evidence would look like."
          action={{ label: 'Go to Scope', to: '/scope' }}
        />
      ) : (
        <Tabs
          value={view}
          onChange={(v) => {
            // The open tab clicked again keeps its place (the control shown, the drawer open).
            if (gapView(v) !== view) setParams({ view: gapView(v) });
          }}
          keepMounted={false}
        >
          <Tabs.List mb="lg">
            <Tabs.Tab value="focus" leftSection={<IconFocus2 size={16} />}>
              Assess
            </Tabs.Tab>
            <Tabs.Tab value="table" leftSection={<IconTable size={16} />}>
              All controls
            </Tabs.Tab>
            <Tabs.Tab value="coverage" leftSection={<IconGridDots size={16} />}>
              Coverage and gaps
            </Tabs.Tab>
            <Tabs.Tab value="risks" leftSection={<IconAlertTriangle size={16} />}>
              Risks
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="focus">
            <FocusedMode />
          </Tabs.Panel>
          <Tabs.Panel value="table">
            <ControlsTable />
          </Tabs.Panel>
          <Tabs.Panel value="coverage">
            <CoverageView />
          </Tabs.Panel>
          <Tabs.Panel value="risks">
            <RiskRegister />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}

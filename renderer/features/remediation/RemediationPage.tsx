import { Button, Center, Group, Loader, SegmentedControl, Stack } from '@mantine/core';
import {
  IconLayoutKanban,
  IconListCheck,
  IconPlus,
  IconTable,
  IconTool,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TaskProposal } from '../../../shared/api/tasks';
import { useNotifyReadError } from '../../app/use-read-error';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';
import { suggestionsStartOpen } from '../../components/collapse-rule';
import { plural } from '../../components/format';
import { useCoverage } from '../gaps/gaps-store';
import { ExportMenu, ExportProgress } from './ExportPlan';
import { PlanProgress } from './PlanProgress';
import { PROPOSALS_ANCHOR, Proposals } from './Proposals';
import { TaskBoard } from './TaskBoard';
import { type TaskDrawerSubject, TaskDrawer } from './TaskDrawer';
import { TaskTable } from './TaskTable';
import { useTaskTable } from './task-filters';
import { useProposals, useTasks } from './task-queries';

/** Remediation: the plan as a board or a table, then the proposed tasks to accept, and its export. */
export function RemediationPage() {
  const step = stepById('remediation');
  const plan = useTasks();
  const { tasks } = plan;
  const offered = useProposals();
  const { proposals } = offered;
  const notAssessed = useCoverage((s) => s.notAssessed.length);
  // Archived tasks alone still show the table, where they can be restored.
  const hasArchived = plan.archived.length > 0;
  useNotifyReadError(offered.error);
  const rememberedView = useTaskTable((s) => s.view);
  const setRememberedView = useTaskTable((s) => s.setView);
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<TaskProposal | null>(null);
  // Proposals fold under the plan (many, or once a plan exists) until the user opens them.
  const [proposalsChosen, setProposalsChosen] = useState<boolean | null>(null);
  const proposalsOpen =
    proposalsChosen ?? suggestionsStartOpen(proposals.length, tasks.length === 0);
  const reviewProposals = () => {
    setProposalsChosen(true);
    document.getElementById(PROPOSALS_ANCHOR)?.scrollIntoView({ block: 'start' });
  };
  const view =
    params.get('view') === 'table'
      ? 'table'
      : params.get('view') === 'board'
        ? 'board'
        : rememberedView;
  // With every task archived only the table has something to show (and Restore).
  const shownView = tasks.length === 0 ? 'table' : view;

  const taskParam = params.get('task');
  const subject: TaskDrawerSubject | null = editing
    ? { kind: 'proposal', proposal: editing }
    : taskParam === 'new'
      ? { kind: 'new' }
      : (() => {
          const task = tasks.find((t) => t.id === taskParam);
          return task ? { kind: 'edit', task } : null;
        })();
  const openTask = (id: string) => setParams({ view, task: id });
  const closeDrawer = () => {
    setEditing(null);
    setParams({ view });
  };

  return (
    <>
      <PageHeader
        title={step.label}
        purpose={step.purpose}
        step={step.number}
        action={
          <>
            {proposals.length > 0 && tasks.length > 0 && (
              <Button
                variant="default"
                leftSection={<IconListCheck size={16} />}
                onClick={reviewProposals}
                data-testid="review-proposals"
              >
                {plural(proposals.length, 'proposed task')}
              </Button>
            )}
            <ExportMenu />
            <Button leftSection={<IconPlus size={16} />} onClick={() => openTask('new')}>
              New task
            </Button>
          </>
        }
      />
      {!plan.loaded || !offered.loaded ? (
        <Center py="xl">
          <Loader aria-label="Loading the remediation plan" />
        </Center>
      ) : tasks.length === 0 && proposals.length === 0 && !hasArchived ? (
        <StepEmpty
          icon={<IconTool size={26} stroke={1.5} />}
          title="No remediation tasks yet"
          description={`Each gap found in the gap analysis is proposed here as a task, with an owner and a due date, so nothing is left open.${notAssessed > 0 ? ` ${plural(notAssessed, 'control')} ${notAssessed === 1 ? 'is' : 'are'} not assessed yet: a control is proposed once it is assessed partial or not implemented.` : ''} Tasks of your own can be added with “New task”.`}
          action={{ label: 'Go to Gap analysis', to: '/gaps' }}
        />
      ) : (
        <Stack gap="lg">
          {tasks.length > 0 && <PlanProgress tasks={tasks} />}
          <ExportProgress />
          {(tasks.length > 0 || hasArchived) && (
            <Stack gap="sm">
              <Group justify="space-between">
                <SegmentedControl
                  aria-label="View"
                  value={shownView}
                  onChange={(v) => {
                    const next = v === 'table' ? 'table' : 'board';
                    setRememberedView(next);
                    setParams({ view: next });
                  }}
                  data={[
                    {
                      value: 'board',
                      label: (
                        <Group gap={6} wrap="nowrap">
                          <IconLayoutKanban size={15} aria-hidden /> Board
                        </Group>
                      ),
                    },
                    {
                      value: 'table',
                      label: (
                        <Group gap={6} wrap="nowrap">
                          <IconTable size={15} aria-hidden /> Table
                        </Group>
                      ),
                    },
                  ]}
                />
              </Group>
              {shownView === 'board' ? (
                <TaskBoard tasks={tasks} onOpen={openTask} />
              ) : (
                <TaskTable onOpen={openTask} />
              )}
            </Stack>
          )}
          <Proposals
            onEdit={setEditing}
            opened={proposalsOpen}
            onToggle={() => setProposalsChosen(!proposalsOpen)}
          />
        </Stack>
      )}
      <TaskDrawer subject={subject} onClose={closeDrawer} />
    </>
  );
}

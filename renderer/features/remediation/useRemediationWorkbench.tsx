import { IconChecklist } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { useStepStatus } from '../../app/step-status-store';
import { useNotifyReadError } from '../../app/use-read-error';
import { planCounts } from './plan';
import { useTasks } from './task-queries';
import { linkTo } from '../../app/routes';

/**
 * While a vault is open: reads its remediation plan, puts every task in the palette ("T-004
 * Implement AC-02…") and shows "12 open · 3 overdue" under Remediation in the navigation.
 */
export function useRemediationWorkbench(): void {
  const navigate = useNavigate();
  // The plan is read through the query cache (keyed by the vault's opening, kept fresh by its
  // changes); this hook, mounted while a vault is open, is the one that says a failed read.
  const { tasks, loaded, error } = useTasks();
  useNotifyReadError(error);
  const publish = useStepStatus((s) => s.publish);
  useEffect(() => {
    const counts = planCounts(tasks);
    if (!loaded || counts.total === 0) publish('remediation', null);
    else
      publish('remediation', {
        text: counts.overdue
          ? `${counts.open} open · ${counts.overdue} overdue`
          : `${counts.open} open`,
        tone: counts.overdue ? 'missing' : counts.open ? 'partial' : 'neutral',
        progress: counts.done / counts.total,
      });
  }, [tasks, loaded, publish]);
  useEffect(() => () => publish('remediation', null), [publish]);

  const entries = useMemo<PaletteEntry[]>(
    () =>
      tasks.map((t) => ({
        id: `task:${t.id}`,
        group: 'Tasks',
        label: `${t.ref} ${t.title}`,
        description: t.overdue ? 'Overdue' : undefined,
        keywords: [t.ref, t.title, 'task'],
        icon: <IconChecklist size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(linkTo('task', t.id)),
      })),
    [tasks, navigate],
  );
  usePaletteEntries('remediation', entries);
}

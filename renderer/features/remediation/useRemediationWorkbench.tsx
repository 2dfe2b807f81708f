import { IconChecklist } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { notifyError } from '../../app/notify';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { useStepStatus } from '../../app/step-status-store';
import { useVault } from '../vault/store';
import { planCounts } from './plan';
import { useTasks } from './tasks-store';
import { linkTo } from '../../app/routes';

/**
 * While a vault is open: reads its remediation plan, puts every task in the palette ("T-004
 * Implement AC-02…") and shows "12 open · 3 overdue" under Remediation in the navigation.
 */
export function useRemediationWorkbench(): void {
  const navigate = useNavigate();
  const info = useVault((s) => s.info);
  const path = info?.path ?? null;
  const lastPath = useRef<string | null>(null);

  useEffect(() => {
    if (!path) return;
    if (lastPath.current !== path) {
      useTasks.getState().reset();
      lastPath.current = path;
    }
    useTasks.getState().load().catch(notifyError);
  }, [info, path]);

  const tasks = useTasks((s) => s.tasks);
  const status = useTasks((s) => s.status);
  const publish = useStepStatus((s) => s.publish);
  useEffect(() => {
    const counts = planCounts(tasks);
    if (status !== 'ready' || counts.total === 0) publish('remediation', null);
    else
      publish('remediation', {
        text: counts.overdue
          ? `${counts.open} open · ${counts.overdue} overdue`
          : `${counts.open} open`,
        tone: counts.overdue ? 'missing' : counts.open ? 'partial' : 'neutral',
        progress: counts.done / counts.total,
      });
  }, [tasks, status, publish]);
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

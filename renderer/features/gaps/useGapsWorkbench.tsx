import { IconAlertTriangle, IconFocus2 } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { useStepStatus } from '../../app/step-status-store';
import { useRisks } from '../risks/risk-queries';
import { useGaps } from './gaps-store';
import { linkTo } from '../../app/routes';

/**
 * While a vault is open (its gap analysis and risks come from the query cache): puts
 * "Assess AC-04" beside every control in the palette and every risk in it, and shows
 * "87/112 assessed" under Gap analysis in the navigation.
 */
export function useGapsWorkbench(): void {
  const navigate = useNavigate();
  const summary = useGaps((s) => s.summary);
  const publish = useStepStatus((s) => s.publish);
  useEffect(() => {
    if (!summary || summary.controls === 0) publish('gaps', null);
    else
      publish('gaps', {
        text: `${summary.assessed}/${summary.controls} assessed`,
        tone: summary.assessed === summary.controls ? 'neutral' : 'partial',
        progress: summary.assessed / summary.controls,
      });
  }, [summary, publish]);
  useEffect(() => () => publish('gaps', null), [publish]);

  const controls = useGaps((s) => s.controls);
  const risks = useRisks((s) => s.risks);
  const entries = useMemo<PaletteEntry[]>(
    () => [
      // The Scope step lists each control ("AC-04 Title", opening it); assessing it is a
      // second button on that row, or a row of its own when "assess" is what is typed.
      ...controls.map((c) => ({
        id: `assess:${c.id}`,
        attachTo: `control:${c.id}`,
        actionLabel: 'Assess',
        group: 'Controls',
        label: `Assess ${c.ref}`,
        description: c.title,
        keywords: [c.ref, c.title, ...c.criteria],
        icon: <IconFocus2 size={16} stroke={1.6} aria-hidden />,
        run: () => navigate(linkTo('gapsControl', c.id)),
      })),
      ...risks.map((r) => ({
        id: `risk:${r.id}`,
        group: 'Risks',
        label: `Risk: ${r.title}`,
        description: `Residual ${r.residualScore} · inherent ${r.inherentScore}`,
        keywords: [r.title, r.category, 'risk'],
        icon: <IconAlertTriangle size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(linkTo('risk', r.id)),
      })),
    ],
    [controls, risks, navigate],
  );
  usePaletteEntries('gaps', entries);
}

import { addDays } from '../../../shared/domain/calendar';
import { linkedTo } from '../../db/repos/links';
import { assessmentsByControl } from '../gaps/assessments';
import { unlinkItgc } from '../scope/reliance';
import type { Vault } from '../vault/session';
import { addDemoFile, demoControl } from './demo-attachments';
import type { DemoDates } from './demo-dates';

/**
 * The demo's automated control relied on for its configuration (D1 item 4): every automated
 * control of the demo relies by default on IT general controls some of which are not in place,
 * so each must be sampled. The pipeline control is narrowed to the change-management and access
 * controls that are implemented, so an auditor may rely on one instance of its configuration plus
 * the configuration's change history — which the demo gives it, as a generated CSV change log.
 */
export const DEMO_RELIED_ON_CONFIGURATION = 'CHG-03';

/** Before any evidence: the pipeline control relies only on ITGCs that are implemented. */
export function narrowDemoReliance(vault: Vault): void {
  const control = demoControl(vault, DEMO_RELIED_ON_CONFIGURATION);
  const assessments = assessmentsByControl(vault);
  for (const id of linkedTo(vault.db, 'control_reliance', control.id)) {
    if (assessments.get(id)?.status !== 'implemented')
      unlinkItgc(vault, { id: control.id, reliesOnId: id });
  }
}

/** The pipeline's configuration change log from the period's start, exported last week. */
export function addDemoChangeHistory(
  vault: Vault,
  dates: DemoDates,
  reviewers: readonly string[],
): void {
  const control = demoControl(vault, DEMO_RELIED_ON_CONFIGURATION);
  const exported = dates.daysAgo(8);
  const rows = [
    // The demo's notice on every row: a CSV's first line is its header, so no comment line.
    'date,change,setting,from,to,approved_by,ticket,note',
    ...[12, 47, 95].flatMap((day, k) => {
      const on = addDays(dates.period.start, day);
      if (on > exported) return [];
      const change = [
        'required_approvals,1,2',
        'protected_branch,release/*,main;release/*',
        'deploy_role,ci-deployer-v1,ci-deployer-v2',
      ][k]!;
      return [
        `${on},PIPE-${101 + k},${change},Lena Fischer,CHG-${4100 + k * 7},DEMO EVIDENCE - fictional (attest demo)`,
      ];
    }),
    '',
  ];
  addDemoFile(
    vault,
    {
      name: 'pipeline-config-change-log.csv',
      bytes: Buffer.from(rows.join('\n')),
    },
    {
      title: 'Deployment pipeline configuration change log (demo)',
      performedOn: exported,
      coverage: { window: { start: dates.period.start, end: exported } },
      collectedOn: exported,
      source: 'CI/CD audit log export',
      collectorId: control.performerId ?? undefined,
      notes: 'Every change to the pipeline’s protection settings since the period started.',
      controlIds: [control.id],
      changeHistoryFor: [control.id],
      requestIds: [],
    },
    { reviewers, on: dates.daysAgo(7) },
  );
}

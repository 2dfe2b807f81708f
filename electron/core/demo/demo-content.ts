import { cuecInput, sdEventInput, subserviceInput } from '../../../shared/api/sd';
import type { AssessmentStatus } from '../../../shared/domain/coverage';
import { assessControl } from '../gaps/assessments';
import {
  acceptStarter,
  discardStarter,
  pendingStarters,
  setRiskAssessedOn,
  updateRisk,
} from '../risks/risks';
import { listControls } from '../scope/controls';
import { saveComponent } from '../sd/components';
import { confirmNone } from '../sd/confirmed-none';
import { saveCuec } from '../sd/cuecs';
import { saveEvent, setNone } from '../sd/events';
import { saveSubservice } from '../sd/subservices';
import { setText } from '../sd/texts';
import { acceptProposal, moveTask, proposeTasks } from '../tasks/tasks';
import type { Vault } from '../vault/session';
import type { DemoDates } from './demo-dates';

/** The demo company's system description: every sentence says it describes a fictional company. */
export function fillSystemDescription(vault: Vault, dates: DemoDates): void {
  setText(
    vault,
    'services',
    'Northwind Analytics (a fictional demo company) runs a hosted analytics platform that ingests customer event data and turns it into dashboards and scheduled reports.',
  );
  setText(
    vault,
    'commitments',
    'Customers are promised 99.9 % monthly availability, encryption of their data in transit and at rest, deletion of their data within 30 days of contract end, and notice of security incidents affecting them within 72 hours.',
  );
  setText(
    vault,
    'systemRequirements',
    'Access to production is limited to on-call engineers with multi-factor authentication; every change is reviewed before deployment; backups are taken daily and restored quarterly as a test.',
  );
  setText(
    vault,
    'boundaries',
    'The system covers the production platform, its supporting build pipeline and the people and procedures that operate them. Corporate finance systems and the marketing website are outside the boundary.',
  );
  const components: [Parameters<typeof saveComponent>[1]['kind'], string, string][] = [
    [
      'infrastructure',
      'Cloud hosting (fictional CloudHost)',
      'Managed compute, databases and object storage in two regions.',
    ],
    [
      'software',
      'Analytics platform',
      'Ingestion API, processing workers, the web application and the reporting service.',
    ],
    [
      'people',
      'Engineering, security and support staff',
      'About 40 people; on-call rotation of six engineers.',
    ],
    [
      'procedures',
      'Operating procedures',
      'Change management, access management, incident response and backup runbooks.',
    ],
    [
      'data',
      'Customer event data and reports',
      'Event streams sent by customers, derived aggregates and generated reports.',
    ],
  ];
  for (const [kind, name, description] of components)
    saveComponent(vault, { kind, name, description });

  const controlRef = (ref: string) =>
    listControls(vault, { search: ref, includeArchived: false, limit: 10 }).items.find(
      (c) => c.ref === ref,
    )?.id ?? null;
  const vendorReview = listControls(vault, { search: 'VEN-03', includeArchived: false, limit: 10 })
    .items[0];
  saveSubservice(
    vault,
    subserviceInput.parse({
      name: 'CloudHost (fictional cloud provider)',
      services:
        'Infrastructure hosting: physical data centres, hardware, and managed database services.',
      method: 'carve_out',
      criteria: ['CC6.4', 'A1.2'],
      csocs: [
        {
          description: 'Physical access to data centres is restricted to authorised staff.',
          criteria: ['CC6.4'],
        },
        {
          description:
            'Environmental protections (power, cooling, fire suppression) are maintained.',
          criteria: ['A1.2'],
        },
      ],
      vendorCuecs: [
        {
          description:
            'Customers of CloudHost restrict and review who can administer their cloud accounts.',
          controlIds: [controlRef('AC-01'), controlRef('AC-05')].filter((id) => id !== null),
        },
      ],
      report: {
        type: 'type2',
        periodStart: dates.subserviceReport.start,
        periodEnd: dates.subserviceReport.end,
        opinion: 'unmodified',
        exceptionsAssessment: 'none_noted',
        reviewedOn: dates.subserviceReport.reviewedOn,
        // The letter itself is still to come (our period has not ended): a deliberate finding.
        bridgeGap: dates.bridgeGap,
      },
      monitoringControlId: vendorReview?.id ?? null,
    }),
  );
  saveCuec(
    vault,
    cuecInput.parse({
      description:
        'Customers restrict who in their organisation can create API keys and revoke keys of people who leave.',
      criteria: ['CC6.1', 'CC6.2'],
    }),
  );
  saveEvent(
    vault,
    sdEventInput.parse({
      kind: 'change',
      date: dates.changeOn,
      title: 'Moved the reporting service to the managed queue',
      description: 'Report generation moved from cron jobs to a managed job queue.',
      effect: 'Scheduling controls now rely on queue monitoring.',
      disposition: 'Monitoring alerts and runbooks were updated before the switch.',
    }),
  );
  setNone(vault, 'incidents', dates.noIncidentsAsOf);
  // Every Security and Availability criterion applies to the demo system: said, not assumed.
  confirmNone(vault, 'notRelevant', true);
}

/** A plausible mid-engagement state: most controls assessed, some gaps, risks and tasks. */
export function fillGapAnalysis(vault: Vault, dates: DemoDates): void {
  const controls = listControls(vault, { includeArchived: false, limit: 1000 }).items;
  const pattern: (AssessmentStatus | null)[] = [
    'implemented',
    'implemented',
    'implemented',
    'partial',
    'implemented',
    'not_implemented',
    'implemented',
    null,
    'implemented',
    'partial',
  ];
  controls.forEach((c, i) => {
    const status = pattern[i % pattern.length]!;
    if (status)
      assessControl(vault, {
        controlId: c.id,
        status,
        notes:
          status === 'partial'
            ? 'Works in production; not yet documented or evidenced consistently.'
            : '',
      });
  });
  const starters = pendingStarters(vault);
  // Every risk has an owner (whoever owns its first control) and a date for its next review.
  const ownerOf = new Map(controls.map((c) => [c.id, c.ownerId]));
  const fallbackOwner = controls.find((c) => c.ownerId)?.ownerId ?? null;
  starters.slice(0, 8).forEach((s, i) => {
    const risk = acceptStarter(vault, s.key);
    updateRisk(vault, risk.id, {
      ownerId: risk.controlIds.map((id) => ownerOf.get(id)).find(Boolean) ?? fallbackOwner,
      reviewOn: dates.riskReviewOn(i),
      ...(i % 2 === 0
        ? { residualLikelihood: Math.max(1, risk.likelihood - 2), residualImpact: risk.impact }
        : {}),
    });
  });
  discardStarter(vault, starters[8]!.key);
  setRiskAssessedOn(vault, dates.riskAssessedOn);
  const proposals = proposeTasks(vault).slice(0, 10);
  proposals.forEach((p, i) => {
    const task = acceptProposal(vault, p.controlId, { dueOn: dates.taskDue(i) });
    if (i % 4 === 1) moveTask(vault, task.id, 'in_progress', null);
    if (i % 4 === 3) moveTask(vault, task.id, 'done', null);
  });
}

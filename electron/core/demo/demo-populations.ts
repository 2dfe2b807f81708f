import { recordPopulation } from '../evidence/population';
import type { Vault } from '../vault/session';
import { addDemoFile, demoControl } from './demo-attachments';
import { addDays } from './demo-dates';
import type { DemoDates } from './demo-dates';
import { demoCsv, demoPdf, demoPng } from './demo-files';

/** Control references of the demo's populations (the zero-row one's control has no other evidence). */
export const POPULATION_CONTROLS = {
  terminations: 'AC-05',
  deployments: ['CHG-01', 'CHG-03'],
  incidents: 'INC-03',
} as const;

const LEAVERS = [
  'Aisha Bello',
  'Marco Rossi',
  'Hannah Schultz',
  'Kenji Watanabe',
  'Sofia Alves',
  'Liam O’Connor',
  'Fatima Zahra',
  'Noah Petersen',
  'Chloé Martin',
  'Ravi Menon',
  'Emma Lindqvist',
  'Jonas Weber',
  'Ana Costa',
  'Yusuf Demir',
];
const TEAMS = ['Engineering', 'Customer Success', 'Sales', 'Finance', 'Engineering', 'Marketing'];
const SERVICES = ['ingest-api', 'workers', 'web-app', 'reporting', 'billing-sync'];
const ENGINEERS = ['lena.fischer', 'daniel.brandt', 'ci-bot-approved', 'a.kowalski', 'm.ito'];

/** `count` dates spread evenly from `start` to `end`, in order. */
function spread(start: string, end: string, count: number): string[] {
  const span = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  return Array.from({ length: count }, (_, i) => addDays(start, Math.floor((i * span) / count)));
}

/**
 * Populations (D1), each drawn from the system that triggers its control and generated on the fly:
 * the leavers from the HR system (with its completeness and accuracy evidence: the report's
 * parameters as a screenshot, a reconciliation to payroll as a PDF), the production deployments
 * from the pipeline (no completeness evidence yet, on purpose: readiness names it), and the
 * security incidents of the period, of which there were none — zero rows, valid evidence of no
 * occurrences. Exported last week; returns the leavers' population (and its rows), which
 * self-testing samples. The demo wrote each file from its rows, so the core counts those rows
 * rather than parse the bytes back on a worker thread (which would cost the build a second each).
 */
export async function fillPopulations(
  vault: Vault,
  dates: DemoDates,
  reviewers: readonly string[],
  period: { start: string; end: string },
): Promise<{ id: string; grid: string[][] }> {
  const exported = dates.daysAgo(6);
  const lastRow = dates.daysAgo(8);
  const window = { start: period.start, end: exported };
  const review = { reviewers, on: dates.daysAgo(5) };
  const populationFields = (ref: readonly string[] | string, title: string, source: string) => ({
    title,
    performedOn: exported,
    coverage: { window },
    collectedOn: exported,
    source,
    collectorId:
      demoControl(vault, typeof ref === 'string' ? ref : ref[0]!).performerId ?? undefined,
    controlIds: (typeof ref === 'string' ? [ref] : [...ref]).map((r) => demoControl(vault, r).id),
    requestIds: [],
  });

  // Leavers: one row per termination, dated by the last working day.
  const leaverDates = spread(period.start, lastRow, LEAVERS.length);
  const leavers = demoCsv(
    ['employee_id', 'name', 'department', 'last_day', 'termination_reason'],
    LEAVERS.map((name, i) => [
      `E-${1040 + i * 7}`,
      `${name} (fictional)`,
      TEAMS[i % TEAMS.length]!,
      leaverDates[i]!,
      i % 4 === 3 ? 'Involuntary' : 'Resignation',
    ]),
  );
  const hr = POPULATION_CONTROLS.terminations;
  const reportShot = addDemoFile(
    vault,
    { name: 'hr-terminations-report-parameters.png', bytes: demoPng([120, 60, 140], 3, [1]) },
    {
      ...populationFields(hr, 'HR terminations report — parameters screenshot (demo)', 'HR system'),
      coverage: { asOf: exported },
    },
    review,
  );
  const reconciliation = addDemoFile(
    vault,
    {
      name: 'terminations-reconciliation.pdf',
      bytes: demoPdf('Terminations population - completeness and accuracy (demo)', [
        'DEMO EVIDENCE - fictional content created by attest demo for Northwind Analytics.',
        `Report: HR system > Workforce > Terminations, run ${exported} by the People team.`,
        `Parameters: termination date from ${window.start} to ${window.end}; all entities.`,
        `Rows exported: ${LEAVERS.length}. Leavers removed from payroll in the same dates: ${LEAVERS.length}.`,
        'Reconciled one to one by employee id; no differences.',
        'Accuracy: 3 rows agreed to the signed leaver forms (ids E-1040, E-1061, E-1103).',
      ]),
    },
    {
      ...populationFields(hr, 'Terminations reconciliation to payroll (demo)', 'HR system'),
      coverage: { asOf: exported },
    },
    review,
  );
  const leaverItem = addDemoFile(
    vault,
    { name: 'terminations-period-to-date.csv', bytes: leavers.bytes },
    populationFields(hr, 'Terminations, period to date — population (demo)', 'HR system'),
    review,
  );
  await recordPopulation(
    vault,
    {
      id: leaverItem,
      sourceSystem: 'HR system (Workforce module)',
      query: 'Report: Workforce > Terminations; termination date within the window; all entities',
      parameters: `from=${window.start}; to=${window.end}`,
      ranAt: exported,
      completeness: `Reconciled to payroll leavers for the same dates: ${LEAVERS.length} = ${LEAVERS.length}.`,
      dateColumn: 'last_day',
      window,
      supportIds: [reportShot, reconciliation],
    },
    { writtenGrid: leavers.grid },
  );

  // Deployments: from the pipeline's own log, every production deployment.
  const deployDates = spread(period.start, lastRow, 48);
  const deployments = demoCsv(
    [
      'deployment_id',
      'service',
      'commit',
      'pull_request',
      'deployed_on',
      'time_utc',
      'triggered_by',
    ],
    deployDates.map((d, i) => [
      `dep-${5100 + i}`,
      SERVICES[i % SERVICES.length]!,
      ((i + 1) * 2_654_435_761).toString(16).slice(-7),
      `#${880 + i * 3}`,
      d,
      `${String(9 + (i % 8)).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}`,
      ENGINEERS[i % ENGINEERS.length]!,
    ]),
  );
  const deployItem = addDemoFile(
    vault,
    { name: 'production-deployments.csv', bytes: deployments.bytes },
    populationFields(
      POPULATION_CONTROLS.deployments,
      'Production deployments, period to date — population (demo)',
      'CI/CD pipeline',
    ),
    review,
  );
  await recordPopulation(
    vault,
    {
      id: deployItem,
      sourceSystem: 'CI/CD pipeline (deployment log)',
      query: 'Deployments to the production environment, all services',
      ranAt: exported,
      dateColumn: 'deployed_on',
      window,
      supportIds: [],
    },
    { writtenGrid: deployments.grid },
  );

  // Incidents: the ticket system's query for security incidents returned nothing.
  const ir = POPULATION_CONTROLS.incidents;
  const emptyQuery = addDemoFile(
    vault,
    { name: 'incident-query-no-results.png', bytes: demoPng([180, 60, 50], 0) },
    {
      ...populationFields(
        ir,
        'Security incident query with no results — screenshot (demo)',
        'Ticket system',
      ),
      coverage: { asOf: exported },
    },
    review,
  );
  const noIncidents = demoCsv(['incident_id', 'opened_on', 'severity', 'summary', 'closed_on'], []);
  const incidents = addDemoFile(
    vault,
    { name: 'security-incidents.csv', bytes: noIncidents.bytes },
    populationFields(ir, 'Security incidents, period to date — no rows (demo)', 'Ticket system'),
    review,
  );
  await recordPopulation(
    vault,
    {
      id: incidents,
      sourceSystem: 'Ticket system (security incident project)',
      query: 'project = SEC AND type = Incident AND created within the window',
      ranAt: exported,
      completeness:
        'The same query run in the ticket system’s own search returned no results (screenshot).',
      dateColumn: 'opened_on',
      window,
      supportIds: [emptyQuery],
    },
    { writtenGrid: noIncidents.grid },
  );
  return { id: leaverItem, grid: leavers.grid };
}

import type { DraftInput } from './system-description-draft-input';

/**
 * A realistic description for a fictional company, for tests and previews of the drafts and
 * renderers. Everything in it is invented; the company name says so.
 */
export function sampleDraftInput(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    generatedOn: '2026-07-06',
    engagement: {
      name: 'Northwind SOC 2 Type II 2026',
      client: 'Northwind Analytics Ltd (sample)',
      services: 'Northwind Insights, a hosted product-analytics platform',
      reportType: 'type2',
      asOf: null,
      period: { start: '2026-01-01', end: '2026-06-30' },
      categories: ['security', 'availability'],
    },
    texts: {
      services:
        'Northwind Insights collects product-usage events from customers’ web and mobile applications, stores them, and lets customers explore them through dashboards, scheduled reports and an API.\n\nCustomers sign up online or through an order form; support is provided by email and chat during business hours in Europe and North America.',
      commitments:
        '- 99.9 % monthly availability of the dashboards and API, with service credits below that.\n- Customer data encrypted in transit and at rest.\n- Security incidents that affect a customer reported to them within 72 hours.\n- Customer data deleted within 30 days of contract end.',
      systemRequirements:
        'Access to production is limited to named engineers with multi-factor authentication. Every change to production is reviewed and tested before release. Backups are taken daily and restored in a test every quarter. Personal data is processed in line with the GDPR.',
      boundaries:
        'The system covers the Northwind Insights application, its production environment in AWS eu-west-1, the supporting corporate systems (identity provider, ticketing, source control) and the people and procedures that operate them. Customers’ own applications and the devices of their users are outside the system.',
    },
    components: [
      {
        kind: 'infrastructure',
        name: 'AWS eu-west-1',
        description: 'Kubernetes (EKS), PostgreSQL (RDS), S3 storage, CloudFront',
      },
      {
        kind: 'infrastructure',
        name: 'Corporate laptops',
        description: 'macOS, centrally managed with disk encryption',
      },
      {
        kind: 'software',
        name: 'Insights web application and API',
        description: 'TypeScript services, deployed through GitHub Actions',
      },
      { kind: 'software', name: 'Okta', description: 'single sign-on and MFA for staff' },
      {
        kind: 'people',
        name: 'Engineering (14)',
        description: 'builds and operates the platform; two on-call rotations',
      },
      { kind: 'people', name: 'Security (2) and Customer Success (6)', description: '' },
      {
        kind: 'procedures',
        name: 'Change management',
        description: 'pull requests with review and automated tests',
      },
      {
        kind: 'procedures',
        name: 'Access management',
        description: 'joiner, mover and leaver process; quarterly access reviews',
      },
      {
        kind: 'data',
        name: 'Customer event data',
        description: 'pseudonymous usage events, retained 25 months',
      },
      {
        kind: 'data',
        name: 'Account data',
        description: 'names and email addresses of customer users',
      },
    ],
    subservices: [
      {
        name: 'Amazon Web Services',
        services: 'hosting, storage and backups of the production environment',
        method: 'carve_out',
        criteria: ['CC6.4', 'A1.2'],
        csocs: [
          {
            description:
              'Physical access to data centres is restricted to authorised staff and monitored',
            criteria: ['CC6.4'],
          },
          {
            description:
              'Environmental protections and redundant power keep the facilities running',
            criteria: ['A1.2'],
          },
        ],
        vendorCuecs: [
          {
            description: 'Customers configure and review their own IAM users and policies',
            controlIds: ['ctl_ac01'],
          },
        ],
        monitoringControlId: 'ctl_ven03',
      },
    ],
    cuecs: [
      {
        description:
          'Customers manage which of their users can access Insights and review that access',
        criteria: ['CC6.2', 'CC6.3'],
      },
      {
        description: 'Customers tell Northwind promptly about suspected misuse of their accounts',
        criteria: ['CC7.3'],
      },
    ],
    incidents: [
      {
        date: '2026-03-14',
        title: 'Dashboard outage',
        description:
          'A failed database failover made dashboards unavailable for 3 hours 10 minutes',
        effect: 'Monthly availability for March was 99.6 %, below the 99.9 % commitment',
        disposition: 'Service credits issued; failover runbook corrected and tested on 2026-04-02',
      },
    ],
    changes: [
      {
        date: '2026-04-20',
        title: 'Move to Okta',
        description: 'Staff single sign-on moved from Google Workspace to Okta',
        effect: 'Access provisioning and MFA now run through Okta; AC-01 and AC-02 updated',
        disposition: '',
      },
    ],
    none: { incidents: null, changes: null },
    confirmedNone: { subservices: null, cuecs: null, notRelevant: null },
    criteria: [
      { id: 'CC6.1', title: 'Logical access security', notRelevantReason: null },
      { id: 'CC6.2', title: 'Registering and authorising users', notRelevantReason: null },
      { id: 'CC6.3', title: 'Role-based access and removal', notRelevantReason: null },
      { id: 'CC6.4', title: 'Physical access', notRelevantReason: null },
      { id: 'CC7.3', title: 'Evaluating security events', notRelevantReason: null },
      {
        id: 'A1.2',
        title: 'Environmental protections and recovery infrastructure',
        notRelevantReason: null,
      },
      { id: 'A1.3', title: 'Recovery testing', notRelevantReason: null },
      {
        id: 'CC6.7',
        title: 'Restricting data movement',
        notRelevantReason: 'No removable media or physical transfers are part of the system',
      },
    ],
    controls: [
      {
        id: 'ctl_ac01',
        ref: 'AC-01',
        title: 'Unique accounts with MFA',
        description: 'Every person signs in with their own account and a second factor.',
        assessment: 'implemented',
        criteria: ['CC6.1', 'CC6.2'],
      },
      {
        id: 'ctl_ac02',
        ref: 'AC-02',
        title: 'Quarterly access review',
        description:
          'Each quarter, system owners review who has access and remove what is not needed.',
        assessment: 'implemented',
        criteria: ['CC6.2', 'CC6.3'],
      },
      {
        id: 'ctl_ir01',
        ref: 'IR-01',
        title: 'Incident response plan',
        description: 'A written plan says who does what when a security event is reported.',
        assessment: 'implemented',
        criteria: ['CC7.3'],
      },
      {
        id: 'ctl_bc02',
        ref: 'BC-02',
        title: 'Quarterly restore test',
        description: 'A backup is restored to a test environment each quarter and checked.',
        assessment: 'implemented',
        criteria: ['A1.3'],
      },
      {
        id: 'ctl_ven03',
        ref: 'VEN-03',
        title: 'Yearly review of key vendors’ audit reports',
        description:
          'Each year the SOC reports of key vendors are read and exceptions followed up.',
        assessment: 'implemented',
        criteria: ['CC9.2', 'CC4.1'],
      },
    ],
    ...overrides,
  };
}

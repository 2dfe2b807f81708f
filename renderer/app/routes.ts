/**
 * Every address the workbench answers: its pages, and the links into one view or one record of
 * a page (the query parameters the page reads). Plain data with no imports, so that the router
 * (shell/Workbench.tsx), the links the app builds, and the end-to-end spec that visits each
 * address directly and after a reload (e2e/routes.spec.ts) all read the same list.
 */

/** The routed pages, by the path after `#`. */
export const PAGES = {
  dashboard: '/',
  scope: '/scope',
  gaps: '/gaps',
  remediation: '/remediation',
  documentation: '/documentation',
  readiness: '/readiness',
  export: '/export',
  people: '/people',
  history: '/history',
} as const;

export type PageId = keyof typeof PAGES;

export interface LinkDef {
  page: PageId;
  /** Fixed query parameters: the view or tab the link shows. */
  params?: Readonly<Record<string, string>>;
  /** The query parameter that names the one record the link opens, if it opens one. */
  idParam?: string;
}

/** Links into a view or a record of a page (palette entries, drawers, cross-links). */
export const LINKS = {
  scopeEdit: { page: 'scope', params: { edit: '1' } },
  scopeCriterion: { page: 'scope', idParam: 'criterion' },
  scopeControl: { page: 'scope', idParam: 'control' },
  // Steps of the scope wizard that answer readiness findings (its step is 1-based in the link).
  scopeDescription: { page: 'scope', params: { edit: '1', step: '4' } },
  scopeEvents: { page: 'scope', params: { edit: '1', step: '5' } },
  scopeSubservices: { page: 'scope', params: { edit: '1', step: '7' } },
  // One vendor, its drawer open over the subservice step.
  subservice: { page: 'scope', params: { edit: '1', step: '7' }, idParam: 'subservice' },
  gapsFocus: { page: 'gaps', params: { view: 'focus' } },
  gapsControl: { page: 'gaps', params: { view: 'focus' }, idParam: 'control' },
  gapsTable: { page: 'gaps', params: { view: 'table' } },
  gapsTableControl: { page: 'gaps', params: { view: 'table' }, idParam: 'control' },
  gapsCoverage: { page: 'gaps', params: { view: 'coverage' } },
  gapsRisks: { page: 'gaps', params: { view: 'risks' } },
  risk: { page: 'gaps', params: { view: 'risks' }, idParam: 'risk' },
  remediationBoard: { page: 'remediation', params: { view: 'board' } },
  remediationTable: { page: 'remediation', params: { view: 'table' } },
  task: { page: 'remediation', params: { view: 'table' }, idParam: 'task' },
  request: { page: 'documentation', idParam: 'request' },
  documentationPolicies: { page: 'documentation', params: { tab: 'policies' } },
  policy: { page: 'documentation', params: { tab: 'policies' }, idParam: 'policy' },
  documentationEvidence: { page: 'documentation', params: { tab: 'evidence' } },
  evidence: { page: 'documentation', params: { tab: 'evidence' }, idParam: 'evidence' },
  documentationTesting: { page: 'documentation', params: { tab: 'testing' } },
  testingSampleSizes: { page: 'documentation', params: { tab: 'testing', view: 'sizes' } },
  controlTesting: { page: 'documentation', params: { tab: 'testing' }, idParam: 'control' },
  person: { page: 'people', idParam: 'person' },
  // The audit history after one entry (a frozen review's chain head), or of one record.
  historySince: { page: 'history', idParam: 'since' },
  recordHistory: { page: 'history', idParam: 'record' },
  // Each opens its page with the form for a new record, as the page's own button does.
  newTask: { page: 'remediation', params: { task: 'new' } },
  newRisk: { page: 'gaps', params: { view: 'risks', risk: 'new' } },
  newPerson: { page: 'people', params: { person: 'new' } },
  newPolicy: { page: 'documentation', params: { tab: 'policies', policy: 'new' } },
  freezeReview: { page: 'readiness', params: { freeze: '1' } },
} as const satisfies Record<string, LinkDef>;

export type LinkId = keyof typeof LINKS;

/** Links that open one record take its id. */
export type RecordLinkId = {
  [K in LinkId]: (typeof LINKS)[K] extends { idParam: string } ? K : never;
}[LinkId];

/** The address of a link (`/gaps?view=focus&control=ctl_…`), as the router reads it. */
export function linkTo(link: Exclude<LinkId, RecordLinkId>): string;
export function linkTo(link: RecordLinkId, id: string): string;
export function linkTo(link: LinkId, id?: string): string {
  return addressOf(link, id);
}

/** `linkTo` for a link chosen at run time: throws when a record's link is given no id. */
export function addressOf(link: LinkId, id?: string): string {
  const def: LinkDef = LINKS[link];
  const query = new URLSearchParams(def.params);
  if (def.idParam !== undefined) {
    if (id === undefined) throw new Error(`The link ${link} needs the id of what it opens`);
    query.set(def.idParam, id);
  }
  return `${PAGES[def.page]}?${query.toString()}`;
}

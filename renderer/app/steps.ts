import {
  IconClipboardCheck,
  IconFileText,
  IconLayoutDashboard,
  IconListCheck,
  IconPackageExport,
  IconTargetArrow,
  IconTool,
} from '@tabler/icons-react';
import { PAGES } from './routes';

export type StepId =
  'dashboard' | 'scope' | 'gaps' | 'remediation' | 'documentation' | 'readiness' | 'export';

export interface StepDef {
  id: StepId;
  /** 1–6 for the workflow steps; the Dashboard sits above them, unnumbered. */
  number: number | null;
  label: string;
  path: string;
  icon: typeof IconLayoutDashboard;
  /** `g` then this key jumps here. */
  goKey: string;
  /** `Alt` + this digit jumps here. */
  digit: string;
  /** One sentence: what this step is for. */
  purpose: string;
  /**
   * Not built yet: the page says what it will do and need, and the navigation says "Coming
   * later" rather than "Not started", which would read as the user being behind.
   */
  comingLater?: true;
}

/** The left navigation, in workflow order. */
export const STEPS: readonly StepDef[] = [
  {
    id: 'dashboard',
    number: null,
    label: 'Dashboard',
    path: PAGES.dashboard,
    icon: IconLayoutDashboard,
    goKey: 'd',
    digit: '0',
    purpose: 'Where this engagement stands, and the facts of the vault that holds it.',
  },
  {
    id: 'scope',
    number: 1,
    label: 'Scope',
    path: PAGES.scope,
    icon: IconTargetArrow,
    goKey: 's',
    digit: '1',
    purpose:
      'Decide what the report covers: the Trust Services categories, the period and the systems in scope.',
  },
  {
    id: 'gaps',
    number: 2,
    label: 'Gap analysis',
    path: PAGES.gaps,
    icon: IconListCheck,
    goKey: 'a',
    digit: '2',
    purpose: 'Assess each control against the criteria in scope and record what is missing.',
  },
  {
    id: 'remediation',
    number: 3,
    label: 'Remediation',
    path: PAGES.remediation,
    icon: IconTool,
    goKey: 'r',
    digit: '3',
    purpose: 'Plan and track the work that closes each gap, with owners and due dates.',
  },
  {
    id: 'documentation',
    number: 4,
    label: 'Documentation',
    path: PAGES.documentation,
    icon: IconFileText,
    goKey: 'o',
    digit: '4',
    purpose:
      'Answer the auditor’s request list — who provides each item, by when, and what was agreed — keep your policies written, approved and acknowledged, and keep the evidence that shows each control operating.',
  },
  {
    id: 'readiness',
    number: 5,
    label: 'Readiness',
    path: PAGES.readiness,
    icon: IconClipboardCheck,
    goKey: 'y',
    digit: '5',
    purpose:
      'Review, with blocking findings first, whether the engagement is ready for the auditor.',
  },
  {
    id: 'export',
    number: 6,
    label: 'Export',
    path: PAGES.export,
    icon: IconPackageExport,
    goKey: 'e',
    digit: '6',
    purpose: 'Produce the audit package and reports to hand to the auditor.',
  },
];

export function stepById(id: StepId): StepDef {
  const step = STEPS.find((s) => s.id === id);
  if (!step) throw new Error(`Unknown step ${id}`);
  return step;
}

export function stepForPath(path: string): StepDef | undefined {
  return STEPS.find((s) => s.path === path);
}

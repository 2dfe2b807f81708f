import {
  IconAlertTriangle,
  IconDownload,
  IconFileCheck,
  IconFileImport,
  IconFocus2,
  IconPlus,
  IconShieldCheck,
  IconUserPlus,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useRunVerify } from '../../features/dashboard/verify-job';
import { useExportPlan } from '../../features/remediation/ExportPlan';
import { useImportDialog } from '../../features/requests/import/import-dialog';
import { useResponseDialog } from '../../features/requests/response/response-dialog';
import { type PaletteEntry, usePaletteEntries } from '../palette-store';
import { PAGES, linkTo } from '../routes';

const icon = (Icon: typeof IconPlus) => <Icon size={18} stroke={1.6} aria-hidden />;

/**
 * The palette acts as well as navigates (UX.md): each action is named as the button that does
 * the same on its page ("New task", "Add risk", "Import request list"), opens that page, and
 * does it there, so the user sees the result where it happens.
 */
export function useActionPalette(): void {
  const navigate = useNavigate();
  const runVerify = useRunVerify();
  const exportPlan = useExportPlan();
  const entries = useMemo<PaletteEntry[]>(
    () => [
      {
        id: 'act:new-task',
        group: 'Actions',
        label: 'New task',
        description: 'Add a remediation task, with an owner and a due date',
        keywords: ['create', 'add', 'remediation', 'todo'],
        icon: icon(IconPlus),
        run: () => navigate(linkTo('newTask')),
      },
      {
        id: 'act:new-risk',
        group: 'Actions',
        label: 'Add risk',
        description: 'Add a risk to the register, with its likelihood and impact',
        keywords: ['new', 'create', 'register'],
        icon: icon(IconAlertTriangle),
        run: () => navigate(linkTo('newRisk')),
      },
      {
        id: 'act:new-person',
        group: 'Actions',
        label: 'Add person',
        description: 'Someone who owns, performs or reviews a control',
        keywords: ['new', 'create', 'people', 'owner', 'user'],
        icon: icon(IconUserPlus),
        run: () => navigate(linkTo('newPerson')),
      },
      {
        id: 'act:import-requests',
        group: 'Actions',
        label: 'Import request list',
        description: 'Read the auditor’s request list (PBC) from Excel or CSV',
        keywords: ['pbc', 'auditor', 'excel', 'csv', 'requests'],
        icon: icon(IconFileImport),
        run: () => {
          navigate(PAGES.documentation);
          useImportDialog.getState().open();
        },
      },
      {
        id: 'act:import-response',
        group: 'Actions',
        label: 'Import auditor’s response',
        description:
          'The auditor’s statuses, comments, new requests and sample picks for a package you sent',
        keywords: [
          'auditor response',
          'signed',
          'json',
          'feedback',
          'sample',
          'accepted',
          'follow-up',
        ],
        icon: icon(IconFileCheck),
        run: () => {
          navigate(PAGES.documentation);
          useResponseDialog.getState().open();
        },
      },
      {
        id: 'act:assess-next',
        group: 'Actions',
        label: 'Continue assessing',
        description: 'The next control that has not been assessed yet',
        keywords: ['assess next', 'gap analysis', 'focus'],
        icon: icon(IconFocus2),
        run: () => navigate(linkTo('gapsFocus')),
      },
      {
        id: 'act:verify',
        group: 'Actions',
        label: 'Verify vault',
        description:
          'Check the audit chain, every record and every stored file; nothing is changed',
        keywords: ['integrity', 'check', 'tamper'],
        icon: icon(IconShieldCheck),
        run: runVerify,
      },
      ...(['xlsx', 'csv'] as const).map((format) => ({
        id: `act:export-plan-${format}`,
        group: 'Actions',
        label: `Export the remediation plan as ${format === 'xlsx' ? 'Excel (XLSX)' : 'CSV'}`,
        description: 'Every task with its owner, due date and status',
        keywords: ['export', 'download', 'plan', 'tasks', format],
        icon: icon(IconDownload),
        run: () => {
          navigate(PAGES.remediation);
          exportPlan(format);
        },
      })),
    ],
    [navigate, runVerify, exportPlan],
  );
  usePaletteEntries('actions', entries);
}

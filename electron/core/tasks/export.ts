import type { Task } from '../../../shared/api/tasks';
import { listControlRows } from '../../db/repos/controls';
import { listPeople } from '../../db/repos/people';
import { type Column, writeCsv, writeXlsx } from '../files/tabular';
import { type GeneratedDocument, fileSlug } from '../files/generated';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { listTasks } from './tasks';

const STATUS: Record<Task['status'], string> = {
  todo: 'To do',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
};

/** The remediation plan as CSV or XLSX, read now and written where the caller says. */
export function exportTasks(vault: Vault, format: 'csv' | 'xlsx'): GeneratedDocument {
  const tasks = listTasks(vault);
  const people = new Map(listPeople(vault.db, true).map((p) => [p.id, p.name]));
  const refs = new Map(
    listControlRows(vault.db, { includeArchived: true }).map((c) => [c.id, c.ref]),
  );
  const columns: Column<Task>[] = [
    { header: 'Task', width: 10, value: (t) => t.ref },
    { header: 'Title', width: 50, value: (t) => t.title },
    { header: 'Status', width: 12, value: (t) => STATUS[t.status] },
    { header: 'Priority', width: 10, value: (t) => t.priority },
    { header: 'Owner', width: 22, value: (t) => (t.ownerId ? (people.get(t.ownerId) ?? '') : '') },
    { header: 'Due', width: 12, value: (t) => t.dueOn },
    { header: 'Overdue', width: 10, value: (t) => (t.overdue ? 'yes' : 'no') },
    {
      header: 'Controls',
      width: 20,
      value: (t) => t.controlIds.map((id) => refs.get(id) ?? id).join(', '),
    },
    {
      header: 'From gap',
      width: 12,
      value: (t) => (t.fromGapControlId ? (refs.get(t.fromGapControlId) ?? '') : ''),
    },
    { header: 'Completed', width: 12, value: (t) => t.completedOn },
    { header: 'Description', width: 60, value: (t) => t.description },
  ];
  const client = fileSlug(getEngagement(vault).client || getEngagement(vault).name, 'engagement');
  const fileName = `Remediation-Plan_${client}_${vault.now().slice(0, 10)}.${format}`;
  return {
    fileName,
    write: async (path) =>
      format === 'csv'
        ? writeCsv(path, columns, tasks)
        : writeXlsx(path, 'Remediation plan', columns, tasks),
  };
}

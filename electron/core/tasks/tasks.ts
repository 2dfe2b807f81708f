import type { z } from 'zod';
import { AttestError, validationError } from '../../../shared/api/errors';
import { type Task, type TaskProposal, newTaskInput, taskPatch } from '../../../shared/api/tasks';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { listControlRows } from '../../db/repos/controls';
import {
  getTaskRow,
  insertDismissal,
  insertTask,
  listDismissedControls,
  boardColumn,
  listTaskRows,
  maxBoardOrder,
  nextTaskNumber,
  updateTaskRow,
} from '../../db/repos/gaps';
import { linksOf, replaceLinks } from '../../db/repos/links';
import type { TaskTable } from '../../db/schema';
import { coverageView } from '../gaps/coverage';
import { checkOwnerAndControls } from '../references';
import type { Vault } from '../vault/session';

export function toTask(row: TaskTable, controlIds: string[], today: string): Task {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    dueOn: row.due_on,
    priority: row.priority as Task['priority'],
    status: row.status as Task['status'],
    controlIds,
    fromGapControlId: row.from_gap_control_id,
    boardOrder: row.board_order,
    completedOn: row.completed_on,
    overdue: row.status !== 'done' && row.due_on !== null && row.due_on < today,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const today = (vault: Vault) => vault.now().slice(0, 10);

const TITLE_MAX = 300;
const DESCRIPTION_MAX = 10_000;
const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

export interface TaskQuery {
  status?: Task['status'];
  ownerId?: string;
  overdueOnly?: boolean;
  controlId?: string;
  /** Archived tasks too (marked `archived`), for restoring them. */
  includeArchived?: boolean;
}

export function listTasks(vault: Vault, q: TaskQuery = {}): Task[] {
  return toTasks(vault, listTaskRows(vault.db, q.includeArchived ?? false)).filter(
    (t) =>
      (!q.status || t.status === q.status) &&
      (!q.ownerId || t.ownerId === q.ownerId) &&
      (!q.overdueOnly || t.overdue) &&
      (!q.controlId || t.controlIds.includes(q.controlId)),
  );
}

/** Rows to tasks, their controls read for all of them in one query. */
export function toTasks(vault: Vault, rows: TaskTable[]): Task[] {
  const d = today(vault);
  const links = linksOf(
    vault.db,
    'task_control',
    rows.map((r) => r.id),
  );
  return rows.map((r) => toTask(r, links.get(r.id) ?? [], d));
}

export function getTask(vault: Vault, id: string): Task {
  return toTasks(vault, [requireTask(vault, id)])[0]!;
}

function requireTask(vault: Vault, id: string): TaskTable {
  const row = getTaskRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No task ${id} in this vault`);
  return row;
}

function lastOrder(vault: Vault, status: string): number {
  return maxBoardOrder(vault.db, status) ?? 0;
}

export function createTask(
  vault: Vault,
  input: z.input<typeof newTaskInput>,
  fromGapControlId: string | null = null,
): Task {
  const v = newTaskInput.parse(input);
  return tx(vault.db, () => {
    checkOwnerAndControls(vault, v);
    const now = vault.now();
    const status = v.status ?? 'todo';
    const row: TaskTable = {
      id: vault.ids.next('tsk'),
      ref: `T-${String(nextTaskNumber(vault.db)).padStart(3, '0')}`,
      title: v.title,
      description: v.description ?? '',
      owner_id: v.ownerId ?? null,
      due_on: v.dueOn ?? null,
      priority: v.priority ?? 'medium',
      status,
      from_gap_control_id: fromGapControlId,
      board_order: lastOrder(vault, status) + 1,
      completed_on: status === 'done' ? now.slice(0, 10) : null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    insertTask(vault.db, row);
    recordChange(vault, {
      action: 'create',
      entity: 'task',
      entityId: row.id,
      payload: { ...v, fromGapControlId },
    });
    const controls = v.controlIds ?? (fromGapControlId ? [fromGapControlId] : []);
    replaceLinks(vault, 'task_control', row.id, controls);
    return getTask(vault, row.id);
  });
}

export function updateTask(vault: Vault, id: string, input: z.input<typeof taskPatch>): Task {
  const p = taskPatch.parse(input);
  return tx(vault.db, () => {
    const row = requireTask(vault, id);
    checkOwnerAndControls(vault, p);
    const now = vault.now();
    const cols: Partial<TaskTable> = { updated_at: now };
    if (p.title !== undefined) cols.title = p.title;
    if (p.description !== undefined) cols.description = p.description;
    if (p.ownerId !== undefined) cols.owner_id = p.ownerId;
    if (p.dueOn !== undefined) cols.due_on = p.dueOn;
    if (p.priority !== undefined) cols.priority = p.priority;
    if (p.status !== undefined && p.status !== row.status) {
      cols.status = p.status;
      cols.board_order = lastOrder(vault, p.status) + 1;
      cols.completed_on = p.status === 'done' ? now.slice(0, 10) : null;
    }
    updateTaskRow(vault.db, id, cols);
    recordChange(vault, { action: 'update', entity: 'task', entityId: id, payload: p });
    if (p.controlIds !== undefined) replaceLinks(vault, 'task_control', id, p.controlIds);
    return getTask(vault, id);
  });
}

/** Moves a task on the board: to a column, placed before another task (or at the end). */
export function moveTask(
  vault: Vault,
  id: string,
  status: Task['status'],
  beforeId: string | null,
): Task {
  return tx(vault.db, () => {
    const row = requireTask(vault, id);
    const column = boardColumn(vault.db, status).filter((t) => t.id !== id);
    let order: number;
    if (beforeId === null) {
      order = (column.at(-1)?.board_order ?? 0) + 1;
    } else {
      const index = column.findIndex((t) => t.id === beforeId);
      if (index < 0) throw new AttestError('not_found', `Task ${beforeId} is not in that column`);
      const prev = index > 0 ? column[index - 1]!.board_order : column[index]!.board_order - 1;
      order = (prev + column[index]!.board_order) / 2;
    }
    const now = vault.now();
    const completed = status === 'done' ? (row.completed_on ?? now.slice(0, 10)) : null;
    updateTaskRow(vault.db, id, {
      status,
      board_order: order,
      completed_on: completed,
      updated_at: now,
    });
    recordChange(vault, {
      action: 'update',
      entity: 'task',
      entityId: id,
      payload: { status, beforeId },
    });
    return getTask(vault, id);
  });
}

export function archiveTask(vault: Vault, id: string, archived: boolean): Task {
  return tx(vault.db, () => {
    const row = requireTask(vault, id);
    const now = vault.now();
    if ((row.archived_at !== null) !== archived) {
      updateTaskRow(vault.db, id, { archived_at: archived ? now : null, updated_at: now });
      recordChange(vault, {
        action: archived ? 'archive' : 'restore',
        entity: 'task',
        entityId: id,
      });
    }
    return getTask(vault, id);
  });
}

/**
 * One proposed task per partial or not-implemented control that has no task from its gap yet
 * and was not dismissed — so proposing twice never duplicates anything.
 */
export function proposeTasks(vault: Vault): TaskProposal[] {
  const taken = new Set(listTaskRows(vault.db, true).map((t) => t.from_gap_control_id));
  const dismissed = listDismissedControls(vault.db);
  const controls = new Map(listControlRows(vault.db).map((c) => [c.id, c]));
  return coverageView(vault)
    .gaps.filter((g) => !taken.has(g.controlId) && !dismissed.has(g.controlId))
    .map((g) => {
      const c = controls.get(g.controlId)!;
      const verb = g.status === 'partial' ? 'Complete' : 'Implement';
      return {
        controlId: c.id,
        ref: c.ref,
        // Kept within what a task accepts, however long the control's own texts are.
        title: clip(`${verb} ${c.ref}: ${c.title}`, TITLE_MAX),
        description: clip(
          `${c.description}\n\nWhat good evidence looks like: ${c.evidence_guidance}`.trim(),
          DESCRIPTION_MAX,
        ),
        suggestedOwnerId: c.owner_id,
        priority: g.severity === 'blocking' ? 'high' : g.severity === 'major' ? 'medium' : 'low',
        gapStatus: g.status,
      };
    });
}

const ALREADY_DECIDED = 'That gap already has a task, or its proposal was dismissed';

function taskFromProposal(
  vault: Vault,
  proposal: TaskProposal,
  edits: z.input<typeof taskPatch> = {},
): Task {
  return createTask(
    vault,
    {
      title: proposal.title,
      description: proposal.description,
      ownerId: proposal.suggestedOwnerId,
      priority: proposal.priority,
      ...edits,
    },
    proposal.controlId,
  );
}

export function acceptProposal(
  vault: Vault,
  controlId: string,
  edits: z.input<typeof taskPatch> = {},
): Task {
  return tx(vault.db, () => {
    const proposal = proposeTasks(vault).find((p) => p.controlId === controlId);
    if (!proposal) throw new AttestError('conflict', ALREADY_DECIDED);
    return taskFromProposal(vault, proposal, edits);
  });
}

/**
 * Accepts several proposals as proposed, in one transaction: every one is still proposed and
 * gets its task (each creation audited), or none does. Tasks come back in the order asked.
 */
export function acceptProposals(vault: Vault, controlIds: readonly string[]): Task[] {
  if (new Set(controlIds).size !== controlIds.length) {
    throw validationError([{ path: ['controlIds'], message: 'Listed twice' }]);
  }
  return tx(vault.db, () => {
    const proposals = new Map(proposeTasks(vault).map((p) => [p.controlId, p]));
    const gone = controlIds.filter((id) => !proposals.has(id));
    if (gone.length > 0) {
      throw new AttestError(
        'conflict',
        gone.length === controlIds.length
          ? 'None of these gaps has a proposed task any more: read the proposals again'
          : `${gone.length} of these gaps already have a task or were dismissed: read the proposals again`,
        { controlIds: gone },
      );
    }
    return controlIds.map((id) => taskFromProposal(vault, proposals.get(id)!));
  });
}

export function dismissProposal(vault: Vault, controlId: string): void {
  tx(vault.db, () => {
    if (!proposeTasks(vault).some((p) => p.controlId === controlId)) {
      throw new AttestError('conflict', ALREADY_DECIDED);
    }
    insertDismissal(vault.db, controlId, vault.now());
    recordChange(vault, { action: 'create', entity: 'task_dismissal', entityId: controlId });
  });
}

import type { ResponseItem } from '../../../shared/domain/auditor/response';
import type { AuditorStatus } from '../../../shared/domain/requests';

/** What the draft says about each request and evidence item, for the lists and panels. */
export interface DraftIndex {
  status: Map<string, AuditorStatus>;
  /** Comments by request ref, and by evidence id. */
  requestComments: Map<string, ResponseItem[]>;
  evidenceComments: Map<string, ResponseItem[]>;
  /** Rows already picked, by population id. */
  picked: Map<string, Set<string>>;
}

export function indexDraft(items: readonly ResponseItem[]): DraftIndex {
  const index: DraftIndex = {
    status: new Map(),
    requestComments: new Map(),
    evidenceComments: new Map(),
    picked: new Map(),
  };
  const push = (map: Map<string, ResponseItem[]>, key: string, item: ResponseItem) =>
    map.set(key, [...(map.get(key) ?? []), item]);
  for (const item of items) {
    if (item.kind === 'status') index.status.set(item.requestRef, item.status);
    else if (item.kind === 'comment') {
      if (item.requestRef !== undefined) push(index.requestComments, item.requestRef, item);
      if (item.evidenceId !== undefined) push(index.evidenceComments, item.evidenceId, item);
    } else if (item.kind === 'sample') {
      const rows = index.picked.get(item.populationId) ?? new Set<string>();
      for (const key of item.rowKeys) rows.add(key);
      index.picked.set(item.populationId, rows);
    }
  }
  return index;
}

export const STATUS_LABELS: Record<AuditorStatus, string> = {
  accepted: 'Accepted',
  follow_up: 'Follow-up',
};

/** Said beside the choice, so nobody reads "accepted" as an opinion on the control. */
export const STATUS_HINTS: Record<AuditorStatus, string> = {
  accepted: 'The request is satisfied — not that the control works.',
  follow_up: 'Something is missing or unclear: the consultant should answer it.',
};

/** One line naming an item of the response, for the "Your response" list. */
export function describeItem(item: ResponseItem): { kind: string; subject: string; text: string } {
  switch (item.kind) {
    case 'comment':
      return {
        kind: 'Comment',
        subject: item.requestRef ?? item.evidenceId ?? '',
        text: item.body,
      };
    case 'request':
      return { kind: 'New request', subject: item.title, text: item.description };
    case 'status':
      return { kind: 'Status', subject: item.requestRef, text: STATUS_LABELS[item.status] };
    case 'sample':
      return {
        kind: 'Sample pick',
        subject: item.populationId,
        text: `${item.rowKeys.length} ${item.rowKeys.length === 1 ? 'row' : 'rows'} (${item.rowKeys.join(', ')})${item.note ? ` — ${item.note}` : ''}`,
      };
  }
}

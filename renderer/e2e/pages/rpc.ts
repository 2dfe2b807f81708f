import { type Page, expect } from '@playwright/test';
import type { AttestServer } from '../fixtures';

/**
 * Calls the contract directly, as the specs' source of truth: what a screen shows is compared
 * with what Attest answers, never with numbers copied into the spec.
 */
export async function rpc<T = unknown>(
  page: Page,
  attest: AttestServer,
  method: string,
  input: Record<string, unknown> = {},
): Promise<T> {
  const res = await page.request.post(`${attest.origin}/rpc/${method}`, { data: input });
  const body = (await res.json()) as { ok: boolean; value: T };
  expect(body.ok, `${method}: ${JSON.stringify(body)}`).toBe(true);
  return body.value;
}

export interface Summary {
  controls: number;
  assessed: number;
  byStatus: Record<string, number>;
}

export const assessmentSummary = async (page: Page, attest: AttestServer) =>
  (await rpc<{ summary: Summary }>(page, attest, 'assessments.list')).summary;

export interface AssessmentRow {
  controlId: string;
  status: string;
  naReason: string | null;
  notes: string;
}

export const assessments = async (page: Page, attest: AttestServer) =>
  (await rpc<{ items: AssessmentRow[] }>(page, attest, 'assessments.list')).items;

export interface ControlRow {
  id: string;
  ref: string;
  title: string;
  performerId: string | null;
  reviewerId: string | null;
}

export const controls = async (page: Page, attest: AttestServer) =>
  (await rpc<{ items: ControlRow[] }>(page, attest, 'controls.list', { limit: 1000 })).items;

export interface TaskRow {
  id: string;
  ref: string;
  title: string;
  status: string;
  overdue: boolean;
  boardOrder: number;
}

export const tasks = async (page: Page, attest: AttestServer, filter = {}) =>
  (await rpc<{ items: TaskRow[] }>(page, attest, 'tasks.list', filter)).items;

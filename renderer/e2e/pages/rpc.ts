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

/** Sends a file as a browser does (`POST /upload`): the upload's id for a `{ uploadId }` source. */
export async function upload(page: Page, attest: AttestServer, name: string, bytes: string) {
  const res = await page.request.post(`${attest.origin}/upload?name=${encodeURIComponent(name)}`, {
    data: Buffer.from(bytes),
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { uploadId: string }).uploadId;
}

/** Waits for a job to succeed (within `timeout` ms) and answers its result. */
export async function jobResult<T>(
  page: Page,
  attest: AttestServer,
  jobId: string,
  timeout?: number,
): Promise<T> {
  await expect
    .poll(async () => (await rpc<{ state: string }>(page, attest, 'jobs.get', { jobId })).state, {
      timeout,
    })
    .toBe('succeeded');
  return (await rpc<{ result: T }>(page, attest, 'jobs.get', { jobId })).result;
}

/**
 * A request list (CSV with `PBC #` and `Item Requested`), imported as the import wizard would;
 * `timeout`: how long the import may take (a list of thousands takes longer than the default).
 */
export async function importRequestList(
  page: Page,
  attest: AttestServer,
  csv: string,
  timeout?: number,
) {
  const uploadId = await upload(page, attest, 'pbc.csv', csv);
  const { jobId } = await rpc<{ jobId: string }>(page, attest, 'requests.import', {
    source: { uploadId },
    fileName: 'pbc.csv',
    mapping: { ref: 'PBC #', description: 'Item Requested' },
  });
  await jobResult(page, attest, jobId, timeout);
}

import { type Page, expect } from '@playwright/test';
import type { AttestServer } from '../fixtures';

/** Asks Attest directly: what a screen shows is checked against the contract's own answer. */
export async function ask<T = Record<string, unknown>>(
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

export interface ControlSummary {
  id: string;
  ref: string;
  title: string;
  performerId: string | null;
  reviewerId: string | null;
}

export const allControls = async (page: Page, attest: AttestServer) =>
  (await ask<{ items: ControlSummary[] }>(page, attest, 'controls.list', { limit: 1000 })).items;

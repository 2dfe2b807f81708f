import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { z } from 'zod';
import { type Envelope, type Input, type MethodName, methods } from '../../../shared/api/index';
import type { GeneratedFile } from '../../../shared/api/files';
import type { Job } from '../../../shared/api/jobs';
import type { FileSource } from '../../../shared/api/methods/blobs';
import { copyAsNewVault } from '../../testing/template-vault';

/** How a case reaches the server: direct dispatch or HTTP, the same envelope either way. */
export interface Harness {
  home: string;
  /** `direct` stands for the desktop app and the CLI (paths), `http` for a browser (uploads). */
  transport: 'direct' | 'http';
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Envelope>;
  /** A file as this transport hands it over: its path, or an upload of it. */
  source(path: string): Promise<FileSource>;
  /** HTTP: downloads a generated file from its `/outputs/<id>` address. */
  download(address: string): Promise<Buffer>;
}

let exportCounter = 0;

/**
 * Runs an export job the way this transport's user would: the desktop and the CLI name where to
 * save it, a browser downloads it. Answers the job's result and the file's bytes.
 */
export async function exported<
  M extends
    | 'tasks.export'
    | 'requests.export'
    | 'sd.export'
    | 'policies.export'
    | 'selfTests.exportWorksheet'
    | 'readiness.report'
    | 'auditor.saveResponse',
>(t: Harness, method: M, input: Input<M>): Promise<{ result: GeneratedFile; bytes: Buffer }> {
  const saveTo =
    t.transport === 'direct' ? { path: join(t.home, `export-${++exportCounter}.out`) } : undefined;
  const { jobId } = (await ok(t, method, {
    ...input,
    ...(saveTo ? { saveTo } : {}),
  } as Input<M>)) as {
    jobId: string;
  };
  const job = await finish(t, jobId);
  if (job.state !== 'succeeded') throw new Error(`${method}: ${JSON.stringify(job.error)}`);
  const result = job.result as GeneratedFile;
  if (saveTo) {
    expect(result).toMatchObject({ savedTo: saveTo.path, download: null });
    return { result, bytes: readFileSync(saveTo.path) };
  }
  expect(result.savedTo).toBeNull();
  expect(result.download).toMatch(/^\/outputs\/out_[0-9a-f]+$/);
  return { result, bytes: await t.download(result.download!) };
}

export type Case = (t: Harness) => Promise<void>;

/** Calls and checks the value against the method's declared output schema. */
export async function ok<M extends MethodName>(t: Harness, method: M, input: Input<M>) {
  const envelope = await t.call(method, input);
  if (!envelope.ok)
    throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return (methods[method].output as z.ZodType).parse(envelope.value) as z.infer<
    (typeof methods)[M]['output']
  >;
}

export async function fails<M extends MethodName>(
  t: Harness,
  method: M,
  input: unknown,
  code: string,
) {
  const envelope = await t.call(method, input as Input<M>);
  expect(envelope.ok).toBe(false);
  if (envelope.ok) throw new Error('unreachable');
  expect(envelope.error.code).toBe(code);
  expect(JSON.stringify(envelope.error)).not.toMatch(/\n\s+at /); // never a stack
  return envelope.error;
}

/** Polls a job until it finishes and checks its result against the method's jobResult schema. */
export async function finish(t: Harness, jobId: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = await ok(t, 'jobs.get', { jobId });
    if (job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled') {
      if (job.state === 'succeeded') {
        const resultSchema = (methods[job.kind as MethodName] as { jobResult?: z.ZodType })
          .jobResult;
        expect(resultSchema, `jobResult declared for ${job.kind}`).toBeDefined();
        resultSchema!.parse(job.result);
      }
      return job;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${jobId} did not finish`);
}

let counter = 0;
export const nextId = () => ++counter;

/** A new vault made with `vault.create`, open. */
export async function freshVault(t: Harness, reportType: 'type1' | 'type2' = 'type2') {
  return createdAs(t, `case-${process.pid}-${++counter}.attest`, reportType);
}

async function createdAs(t: Harness, file: string, reportType: 'type1' | 'type2') {
  const engagement =
    reportType === 'type2'
      ? { name: `Case ${counter}`, reportType, period: { start: '2026-01-01', end: '2026-06-30' } }
      : { name: `Case ${counter}`, reportType, asOf: '2026-03-31' };
  return { file, info: await ok(t, 'vault.create', { file, engagement }) };
}

/** Per harness (so per transport), the closed template file for each kind of starting vault. */
const templates = new WeakMap<Harness, Map<string, Promise<{ path: string; prepared: unknown }>>>();

/**
 * A vault prepared by `prepare` (after `vault.create` of a `reportType` vault), open, and what
 * `prepare` answered. The first call for a `kind` on a harness makes the template with these
 * very calls over this transport; each call answers a copy of it that is a vault of its own
 * (copyAsNewVault: its own key, fingerprint and vault id), opened with `vault.open`. Confirming
 * a scope costs most of a second; copying, a few milliseconds.
 */
export async function preparedVault<T>(
  t: Harness,
  kind: string,
  prepare: (t: Harness) => Promise<T>,
  reportType: 'type1' | 'type2' = 'type2',
) {
  let byKind = templates.get(t);
  if (!byKind) templates.set(t, (byKind = new Map()));
  let template = byKind.get(kind);
  if (!template) {
    template = (async () => {
      const { info } = await createdAs(t, `template-${kind}-${process.pid}.attest`, reportType);
      const prepared = await prepare(t);
      await ok(t, 'vault.close', {});
      return { path: info.path, prepared };
    })();
    byKind.set(kind, template);
  }
  const { path, prepared } = await template;
  const file = `case-${process.pid}-${++counter}.attest`;
  copyAsNewVault(path, join(t.home, file));
  return { file, info: await ok(t, 'vault.open', { file }), prepared: prepared as T };
}

/** A Type II (or Type I) vault with its Security scope confirmed, open. */
export function scopedVault(t: Harness, reportType: 'type1' | 'type2' = 'type2') {
  return preparedVault(t, `scoped-${reportType}`, (t) => ok(t, 'scope.confirm', {}), reportType);
}

export function bigFile(home: string, mib: number): string {
  const path = join(home, `big-${++counter}.bin`);
  const buf = Buffer.alloc(mib * 1024 * 1024);
  for (let i = 0; i + 4 <= buf.length; i += 4)
    buf.writeUInt32LE(Math.imul(i + counter, 2654435761) >>> 0, i);
  writeFileSync(path, buf);
  return path;
}

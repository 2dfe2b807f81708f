import type { z } from 'zod';
import type { Domain } from './domains';

/**
 * One method of the contract, declared as data. `job: true` marks a long operation: the method
 * returns `{ jobId }` at once and its result is read with `jobs.get` (`result` is `jobResult`).
 */
export interface MethodDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> {
  input: I;
  output: O;
  mutates: boolean;
  /**
   * What a mutating method writes (announced in `vault.changed` when it succeeded; for a job,
   * when the job did). Required when `mutates`; an empty list writes nothing a screen shows.
   */
  touches?: readonly Domain[];
  /**
   * What a reading method's answer depends on: a screen showing it re-reads it when a
   * `vault.changed` names one of these. Required when not `mutates`; an empty list marks an
   * action whose answer is never kept (a check, an export).
   */
  reads?: readonly Domain[];
  /** For job methods: the shape of the result `jobs.get` returns once the job succeeded. */
  jobResult?: R;
  summary: string;
}

export function method<
  I extends z.ZodType,
  O extends z.ZodType,
  R extends z.ZodType | undefined = undefined,
>(
  def: MethodDef<I, O, R> &
    (
      | { mutates: true; touches: readonly Domain[]; reads?: undefined }
      | { mutates: false; touches?: undefined; reads: readonly Domain[] }
    ),
): MethodDef<I, O, R> {
  return def;
}

/**
 * Merges per-domain method tables, refusing a name declared twice (at module load, so the
 * mistake cannot ship) and any name not of the form `domain.verb`.
 */
export function mergeTables<T extends Record<string, unknown>[]>(
  ...tables: T
): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [name, def] of Object.entries(table)) {
      if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(name)) {
        throw new Error(`Contract name "${name}" is not of the form domain.verb`);
      }
      if (Object.hasOwn(merged, name)) throw new Error(`Contract name "${name}" is declared twice`);
      merged[name] = def;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

import type { z } from 'zod';
import { type Envelope, isMethodName, methods } from '../../shared/api/index';
import { writesVaultData } from '../../shared/api/domains';
import { humanIssue } from '../../shared/api/issue-messages';
import { type ApiError, AttestError, type ValidationIssue } from '../../shared/api/errors';
import type { Caller } from './callers';
import { type RpcContext, announceChange } from './context';
import { checkPathRules } from './path-rules';
import { writesFree } from '../db/connection';
import { toApiError } from './errors';
import { handlers } from './handlers';
import { recordWitnessSoon } from './upkeep';

/**
 * The only entry into the core from any transport: checks the name is an own method of the
 * contract, parses the input (the trust boundary), runs the handler and turns every failure into
 * error data with a closed code.
 */
export async function dispatch(
  ctx: RpcContext,
  name: string,
  rawInput: unknown,
  caller: Caller,
): Promise<Envelope> {
  if (!isMethodName(name)) {
    return {
      ok: false,
      error: { code: 'not_found', message: `Unknown method "${String(name).slice(0, 80)}"` },
    };
  }
  const def = methods[name];
  // Before the input is even parsed: in auditor mode a change is refused whatever it carries.
  const readOnly = refuseWhileAuditing(ctx, name, def.mutates);
  if (readOnly) return { ok: false, error: readOnly };
  const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {}, { error: humanIssue });
  if (!parsed.success) {
    const issues: ValidationIssue[] = parsed.error.issues.map((i) => ({
      path: i.path.map(String),
      message: i.message,
    }));
    return { ok: false, error: validation(issues) };
  }
  try {
    checkPathRules(name, parsed.data, caller, ctx.home);
    // A change waits while a long transaction (an import) holds the vault; reads go on, and so
    // do cancelling a job and closing the vault (which cancel it rather than wait).
    if (ctx.vault && writesVaultData(def.touches ?? [])) {
      await writesFree(ctx.vault.db);
    }
    const handler = handlers[name] as (input: unknown, ctx: RpcContext) => unknown;
    const value = await handler(parsed.data, ctx);
    // A job announces what it wrote when it has written it (start-job.ts).
    if (def.mutates && !def.jobResult) {
      announceChange(ctx, def.touches ?? []);
      // The chain may have grown: its head goes to the witness once changes pause.
      recordWitnessSoon(ctx);
    }
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toApiError(e, ctx.logger) };
  }
}

/**
 * Auditor mode is read-only, enforced here and nowhere else: every method declared `mutates`
 * (a change to a vault, or opening/creating one) is refused while a package is open — except
 * cancelling a job, which changes no vault and is how Cancel stops auditor mode's own jobs
 * (saving the response, opening another package).
 */
const ALLOWED_WHILE_AUDITING: ReadonlySet<string> = new Set(['jobs.cancel']);

function refuseWhileAuditing(ctx: RpcContext, name: string, mutates: boolean): ApiError | null {
  const open = ctx.state.auditorPackage;
  if (!open || !mutates || ALLOWED_WHILE_AUDITING.has(name)) return null;
  return new AttestError(
    'conflict',
    `Auditor mode is read-only: ${name} changes a vault, and the audit package for ${open.engagement} is open. Close the package to work on a vault.`,
    { auditorMode: true, method: name },
  ).toApiError();
}

function validation(issues: ValidationIssue[]) {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return new AttestError(
    'validation',
    `${where}${first?.message ?? 'Invalid input'}`,
    issues,
  ).toApiError();
}

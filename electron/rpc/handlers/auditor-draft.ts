import { AttestError } from '../../../shared/api/errors';
import type { AuditorIdentityInfo } from '../../../shared/api/methods/auditor';
import { findCriterion } from '../../core/catalog/catalog';
import {
  type DraftItemInput,
  addDraftItem,
  readDraft,
  removeDraftItem,
  writeResponseFile,
} from '../../core/auditor/draft';
import {
  type AuditorIdentity,
  readAuditorIdentity,
  setAuditorIdentity,
} from '../../core/auditor/identity';
import { listedFile } from '../../core/auditor/package-read';
import { populationTable } from '../../core/auditor/population-rows';
import { type AuditorSession, sessionContents } from '../../core/auditor/session';
import { fileSlug } from '../../core/files/generated';
import { type RpcContext, announceChange, requireAuditorSession } from '../context';
import { startOutputJob } from '../start-job';
import type { HandlerSlice } from './types';

const info = (i: AuditorIdentity): AuditorIdentityInfo => ({
  name: i.auditor.name,
  firm: i.auditor.firm,
  email: i.auditor.email ?? null,
  fingerprint: i.fingerprint,
});

/** The draft and identity live in ATTEST_HOME: their changes are announced as `auditor`. */
const changed = (ctx: RpcContext) => announceChange(ctx, ['auditor']);

const packageRef = (s: AuditorSession) => ({
  manifestSha256: s.manifestSha256,
  engagement: s.manifest.engagement.name,
});

function unknown(what: string): AttestError {
  return new AttestError('not_found', `The package holds no ${what}.`);
}

/** Every reference an item makes names something the open package holds. */
async function checkRefs(ctx: RpcContext, session: AuditorSession, item: DraftItemInput) {
  const contents = await sessionContents(session, ctx.home);
  const request = (ref: string) => {
    if (!contents.requests.some((r) => r.ref === ref)) throw unknown(`request ${ref}`);
  };
  if (item.kind === 'status') request(item.requestRef);
  if (item.kind === 'comment' && item.requestRef !== undefined) request(item.requestRef);
  if (item.kind === 'comment' && item.evidenceId !== undefined) {
    if (!contents.evidence.some((e) => e.id === item.evidenceId))
      throw unknown(`evidence ${item.evidenceId}`);
  }
  if (item.kind === 'request') {
    for (const c of item.criteria) if (!findCriterion(c)) throw unknown(`criterion ${c}`);
  }
  if (item.kind === 'sample') {
    const population = contents.populations.find((p) => p.id === item.populationId);
    if (!population) throw unknown(`population ${item.populationId}`);
    const table = await populationTable(
      session,
      ctx.home,
      listedFile(session.manifest, population.path)!,
    );
    const keys = new Set(table.rows.map((r) => `row-${r.row}`));
    const missing = item.rowKeys.filter((k) => !keys.has(k));
    if (missing.length > 0)
      throw unknown(`row ${missing.slice(0, 5).join(', ')} in population ${population.id}`);
  }
}

export const auditorDraftHandlers: HandlerSlice<
  | 'auditor.identity'
  | 'auditor.setIdentity'
  | 'auditor.draft'
  | 'auditor.addItem'
  | 'auditor.removeItem'
  | 'auditor.saveResponse'
> = {
  'auditor.identity': (_input, ctx) => {
    const identity = readAuditorIdentity(ctx.home);
    return identity ? info(identity) : null;
  },
  'auditor.setIdentity': ({ name, firm, email }, ctx) => {
    const identity = setAuditorIdentity(
      ctx.home,
      { name, firm, ...(email ? { email } : {}) },
      ctx.clock.now(),
    );
    changed(ctx);
    return info(identity);
  },
  'auditor.draft': (_input, ctx) => {
    const draft = readDraft(ctx.home, requireAuditorSession(ctx).manifestSha256);
    return { items: draft?.items ?? [], updatedAt: draft?.updatedAt ?? null };
  },
  'auditor.addItem': async (input, ctx) => {
    const session = requireAuditorSession(ctx);
    await checkRefs(ctx, session, input as DraftItemInput);
    const item = addDraftItem(
      ctx.home,
      packageRef(session),
      input as DraftItemInput,
      ctx.clock.now(),
    );
    changed(ctx);
    return { item };
  },
  'auditor.removeItem': ({ id }, ctx) => {
    const session = requireAuditorSession(ctx);
    const removed = removeDraftItem(ctx.home, session.manifestSha256, id, ctx.clock.now());
    if (removed) changed(ctx);
    return { removed };
  },
  'auditor.saveResponse': ({ saveTo }, ctx) => {
    const session = requireAuditorSession(ctx);
    if (!readAuditorIdentity(ctx.home)) {
      throw new AttestError(
        'validation',
        'Give your name and firm first: a response names its auditor and is signed with their key.',
      );
    }
    if ((readDraft(ctx.home, session.manifestSha256)?.items.length ?? 0) === 0) {
      throw new AttestError(
        'validation',
        'The response is empty: add a comment, a request, a status or a sample pick first.',
      );
    }
    const engagement = fileSlug(session.manifest.engagement.name, 'engagement');
    const now = ctx.clock.now();
    return startOutputJob(ctx, 'auditor.saveResponse', 'Saving the response', saveTo, async () => ({
      fileName: `Auditor-Response_${engagement}_${now.slice(0, 10)}.json`,
      write: async (path) => {
        writeResponseFile(ctx.home, session.manifestSha256, path, ctx.clock.now());
      },
    }));
  },
};

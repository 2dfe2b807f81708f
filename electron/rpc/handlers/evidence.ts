import {
  changeLinks,
  checkReferences,
  getEvidence,
  getEvidenceDetail,
  listEvidence,
  reviewEvidence,
  evidenceCounts,
  searchEvidenceItems,
  supersedeEvidence,
  updateEvidence,
} from '../../core/evidence/evidence';
import { collectFiles, ingestEvidence } from '../../core/evidence/ingest';
import { recordPopulation } from '../../core/evidence/population';
import { addLinkEvidence, addNoteEvidence } from '../../core/evidence/written';
import { requireVault } from '../context';
import { holdUpload, resolveSource, startJob } from '../start-job';
import type { HandlerSlice } from './types';

export const evidenceHandlers: HandlerSlice<
  | 'evidence.add'
  | 'evidence.addLink'
  | 'evidence.addNote'
  | 'evidence.list'
  | 'evidence.get'
  | 'evidence.update'
  | 'evidence.review'
  | 'evidence.supersede'
  | 'evidence.link'
  | 'evidence.unlink'
  | 'evidence.search'
  | 'evidence.counts'
  | 'evidence.recordPopulation'
> = {
  'evidence.add': (input, ctx) => {
    const vault = requireVault(ctx);
    // Unknown people, controls or requests, missing files: the call fails before any job starts.
    checkReferences(vault, input);
    const resolved = input.sources.map((s) => {
      const { path, uploadId } = resolveSource(
        ctx,
        'path' in s ? { path: s.path } : { uploadId: s.uploadId },
      );
      return { path, uploadId, name: 'fileName' in s ? s.fileName : undefined };
    });
    const { files, skipped } = collectFiles(resolved);
    // Staged uploads belong to the job for its whole life and go when it ends, whatever happens.
    const releases = resolved
      .filter((r) => r.uploadId !== null)
      .map((r) => ({ id: r.uploadId!, release: holdUpload(ctx, r.uploadId!) }));
    const label =
      files.length === 1 ? `Storing ${files[0]!.name}` : `Storing ${files.length} files`;
    return startJob(
      ctx,
      'evidence.add',
      label,
      ({ signal, progress }) =>
        ingestEvidence(vault, input, files, skipped, { signal, onProgress: progress }),
      {
        cleanup: () => {
          for (const r of releases) {
            r.release();
            ctx.uploads?.release(r.id);
          }
        },
      },
    );
  },
  'evidence.addLink': (input, ctx) => addLinkEvidence(requireVault(ctx), input),
  'evidence.addNote': (input, ctx) => addNoteEvidence(requireVault(ctx), input),
  'evidence.list': ({ limit, cursor, sort, ...filter }, ctx) =>
    listEvidence(requireVault(ctx), filter, sort, { limit, cursor }),
  'evidence.get': ({ id }, ctx) => getEvidenceDetail(requireVault(ctx), id),
  'evidence.update': ({ id, patch }, ctx) => updateEvidence(requireVault(ctx), id, patch),
  'evidence.review': ({ id, reviewerId, reviewedOn }, ctx) =>
    reviewEvidence(requireVault(ctx), id, reviewerId, reviewedOn),
  'evidence.supersede': ({ id, byId, on }, ctx) =>
    supersedeEvidence(requireVault(ctx), id, byId, on),
  'evidence.link': ({ id, controlIds, requestIds }, ctx) =>
    changeLinks(requireVault(ctx), id, controlIds, requestIds, true).evidence,
  'evidence.unlink': ({ id, controlIds, requestIds }, ctx) =>
    changeLinks(requireVault(ctx), id, controlIds, requestIds, false).evidence,
  'evidence.counts': (_input, ctx) => evidenceCounts(requireVault(ctx)),
  'evidence.search': ({ query, limit }, ctx) =>
    searchEvidenceItems(requireVault(ctx), query, limit),
  'evidence.recordPopulation': (input, ctx) => {
    const vault = requireVault(ctx);
    getEvidence(vault, input.id); // an unknown item fails the call, before any job starts
    return startJob(ctx, 'evidence.recordPopulation', 'Reading the population', ({ signal }) =>
      recordPopulation(vault, input, { signal }),
    );
  },
};

import {
  archiveRequest,
  commentOnRequest,
  setRequestStatus,
  updateRequest,
} from '../../core/requests/edits';
import { exportRequests } from '../../core/requests/export';
import { importResponse, previewResponse } from '../../core/auditor/import-response';
import { readResponseFromPath } from '../../core/auditor/signature';
import { importRequests, previewImport } from '../../core/requests/import';
import { getRequestDetail, listRequests } from '../../core/requests/queries';
import { requireVault } from '../context';
import { resolveSource, startFileJob, startOutputJob } from '../start-job';
import type { HandlerSlice } from './types';

export const requestHandlers: HandlerSlice<
  | 'requests.previewImport'
  | 'requests.import'
  | 'requests.list'
  | 'requests.get'
  | 'requests.update'
  | 'requests.setStatus'
  | 'requests.comment'
  | 'requests.archive'
  | 'requests.export'
  | 'requests.importResponse'
  | 'requests.previewResponse'
> = {
  // The import's own reading and checks, nothing applied; an upload stays staged for the import.
  'requests.previewResponse': ({ source }, ctx) => {
    const vault = requireVault(ctx);
    const { path } = resolveSource(ctx, source);
    return previewResponse(vault, readResponseFromPath(path));
  },
  // Small and one transaction: no job. The file is read and its signature checked before the
  // vault is touched; a browser's upload stays staged (an import of it again changes nothing).
  'requests.importResponse': ({ source }, ctx) => {
    const vault = requireVault(ctx);
    const { path } = resolveSource(ctx, source);
    return importResponse(vault, readResponseFromPath(path));
  },
  // A preview only reads: an upload stays staged for the import that follows.
  'requests.previewImport': ({ source, fileName, mapping, dateOrder }, ctx) => {
    const vault = requireVault(ctx);
    const { path } = resolveSource(ctx, source);
    return previewImport(vault, { path, fileName, mapping, dateOrder });
  },
  'requests.import': ({ source, fileName, mapping, dateOrder }, ctx) => {
    const vault = requireVault(ctx);
    // Held while the job reads it: a wizard closed meanwhile discards it only once the job ends.
    return startFileJob(
      ctx,
      'requests.import',
      `Importing ${fileName}`,
      source,
      async ({ path, signal, consume }) => {
        const summary = await importRequests(vault, { path, fileName, mapping, dateOrder }, signal);
        // Only a completed import consumes an upload: after a refusal (a wrong mapping, say) the
        // same upload can be imported again.
        consume();
        return summary;
      },
    );
  },
  'requests.list': ({ limit, cursor, ...filter }, ctx) =>
    listRequests(requireVault(ctx), { limit, cursor, ...filter }),
  'requests.get': ({ id }, ctx) => getRequestDetail(requireVault(ctx), id),
  'requests.update': ({ id, patch }, ctx) => updateRequest(requireVault(ctx), id, patch),
  'requests.setStatus': ({ id, status, reopen, submittedOn }, ctx) =>
    setRequestStatus(requireVault(ctx), id, { status, reopen, submittedOn }),
  'requests.comment': ({ id, body }, ctx) => commentOnRequest(requireVault(ctx), id, body),
  'requests.archive': ({ id, archived }, ctx) => archiveRequest(requireVault(ctx), id, archived),
  'requests.export': ({ format, saveTo }, ctx) => {
    const vault = requireVault(ctx);
    return startOutputJob(
      ctx,
      'requests.export',
      `Exporting the request list (${format.toUpperCase()})`,
      saveTo,
      async () => exportRequests(vault, format),
    );
  },
};

import { AttestError } from '../../../shared/api/errors';
import { listedFile } from '../../core/auditor/package-read';
import { pageOf, populationTable } from '../../core/auditor/population-rows';
import { sessionContents } from '../../core/auditor/session';
import { requireAuditorSession } from '../context';
import type { HandlerSlice } from './types';

/** Browsing the open package: what it holds, and a population's rows. */
export const auditorBrowseHandlers: HandlerSlice<'auditor.contents' | 'auditor.populationRows'> = {
  'auditor.contents': (_input, ctx) => sessionContents(requireAuditorSession(ctx), ctx.home),
  'auditor.populationRows': async ({ population, offset, limit, search }, ctx) => {
    const session = requireAuditorSession(ctx);
    const contents = await sessionContents(session, ctx.home);
    const found = contents.populations.find((p) => p.id === population);
    if (!found) {
      throw new AttestError('not_found', `The package holds no population ${population}.`);
    }
    const table = await populationTable(
      session,
      ctx.home,
      listedFile(session.manifest, found.path)!,
    );
    return pageOf(table, found.window, { offset, limit, search });
  },
};

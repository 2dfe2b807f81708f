import { archiveComponent, saveComponent } from '../../core/sd/components';
import { archiveCuec, saveCuec } from '../../core/sd/cuecs';
import { confirmNone } from '../../core/sd/confirmed-none';
import { getSystemDescription } from '../../core/sd/description';
import { getDraft, saveDraft } from '../../core/sd/draft';
import { archiveEvent, saveEvent, setNone } from '../../core/sd/events';
import { exportDocument } from '../../core/sd/export';
import {
  archiveSubservice,
  attachSubserviceReport,
  getSubservice,
  saveSubservice,
} from '../../core/sd/subservices';
import { setText } from '../../core/sd/texts';
import { requireVault } from '../context';
import { startFileJob, startOutputJob } from '../start-job';
import type { HandlerSlice } from './types';

export const sdHandlers: HandlerSlice<
  | 'sd.get'
  | 'sd.setText'
  | 'sd.saveComponent'
  | 'sd.archiveComponent'
  | 'sd.saveSubservice'
  | 'sd.archiveSubservice'
  | 'sd.attachSubserviceReport'
  | 'sd.saveCuec'
  | 'sd.archiveCuec'
  | 'sd.saveEvent'
  | 'sd.archiveEvent'
  | 'sd.setNone'
  | 'sd.confirmNone'
  | 'sd.draft'
  | 'sd.saveDraft'
  | 'sd.export'
> = {
  'sd.get': ({ includeArchived }, ctx) => getSystemDescription(requireVault(ctx), includeArchived),
  'sd.setText': ({ key, content }, ctx) => setText(requireVault(ctx), key, content),
  'sd.saveComponent': (input, ctx) => saveComponent(requireVault(ctx), input),
  'sd.archiveComponent': ({ id, archived }, ctx) =>
    archiveComponent(requireVault(ctx), id, archived),
  'sd.saveSubservice': (input, ctx) => saveSubservice(requireVault(ctx), input),
  'sd.archiveSubservice': ({ id, archived }, ctx) =>
    archiveSubservice(requireVault(ctx), id, archived),
  'sd.attachSubserviceReport': ({ id, source, fileName }, ctx) => {
    const vault = requireVault(ctx);
    getSubservice(vault, id); // an unknown organisation fails the call, before any job starts
    return startFileJob(
      ctx,
      'sd.attachSubserviceReport',
      `Storing ${fileName}`,
      source,
      ({ path, signal, progress }) =>
        attachSubserviceReport(vault, id, path, fileName, {
          signal,
          onProgress: (p) => progress({ filesDone: 0, filesTotal: 1, ...p }),
        }),
      // The staged upload goes whatever happens, even when cancelled before it started.
      { consumeAlways: true },
    );
  },
  'sd.saveCuec': (input, ctx) => saveCuec(requireVault(ctx), input),
  'sd.archiveCuec': ({ id, archived }, ctx) => archiveCuec(requireVault(ctx), id, archived),
  'sd.saveEvent': (input, ctx) => saveEvent(requireVault(ctx), input),
  'sd.archiveEvent': ({ id, archived }, ctx) => archiveEvent(requireVault(ctx), id, archived),
  'sd.setNone': ({ kind, asOf }, ctx) => setNone(requireVault(ctx), kind, asOf),
  'sd.confirmNone': ({ kind, confirmed }, ctx) => confirmNone(requireVault(ctx), kind, confirmed),
  'sd.draft': ({ document }, ctx) => getDraft(requireVault(ctx), document),
  'sd.saveDraft': ({ document, markdown }, ctx) => saveDraft(requireVault(ctx), document, markdown),
  'sd.export': ({ document, format, saveTo }, ctx) => {
    const vault = requireVault(ctx);
    const label = document === 'description' ? 'system description' : 'management assertion';
    return startOutputJob(
      ctx,
      'sd.export',
      `Exporting the ${label} as ${format.toUpperCase()}`,
      saveTo,
      async ({ progress }) => {
        const doc = await exportDocument(vault, document, format);
        progress({ filesDone: 1, filesTotal: 1 });
        return doc;
      },
    );
  },
};

import { AttestError } from '../../../shared/api/errors';
import { checkDrawable, drawSample, expandSample } from '../../core/self-tests/draw';
import { setAttributes, setCell, updateDeviation } from '../../core/self-tests/grid';
import { planOverPeriod } from '../../core/self-tests/plan';
import { importSizeTable, sizeTableView } from '../../core/self-tests/size-table';
import {
  getSelfTestDetail,
  listDeviations,
  listSelfTests,
  requireSelfTest,
} from '../../core/self-tests/view';
import { worksheet } from '../../core/self-tests/worksheet';
import { requireVault } from '../context';
import { startJob, startOutputJob } from '../start-job';
import type { HandlerSlice } from './types';

export const selfTestHandlers: HandlerSlice<
  | 'selfTests.sizeTable'
  | 'selfTests.importSizeTable'
  | 'selfTests.plan'
  | 'selfTests.draw'
  | 'selfTests.expand'
  | 'selfTests.list'
  | 'selfTests.get'
  | 'selfTests.setAttributes'
  | 'selfTests.setCell'
  | 'selfTests.deviations'
  | 'selfTests.updateDeviation'
  | 'selfTests.exportWorksheet'
> = {
  'selfTests.sizeTable': (_i, ctx) => sizeTableView(requireVault(ctx)),
  'selfTests.importSizeTable': ({ json }, ctx) => importSizeTable(requireVault(ctx), json),
  'selfTests.plan': (input, ctx) => planOverPeriod(requireVault(ctx), input),
  'selfTests.draw': (input, ctx) => {
    const vault = requireVault(ctx);
    // An unknown control or population, or nothing to draw from: the call fails before any job.
    checkDrawable(vault, input);
    return startJob(ctx, 'selfTests.draw', 'Drawing a sample', ({ signal }) =>
      drawSample(vault, input, { signal }),
    );
  },
  'selfTests.expand': ({ id }, ctx) => {
    const vault = requireVault(ctx);
    const detail = getSelfTestDetail(vault, id);
    if (!detail.expansion.allowed) throw new AttestError('conflict', detail.expansion.reason);
    return startJob(ctx, 'selfTests.expand', `Expanding ${detail.ref}`, ({ signal }) =>
      expandSample(vault, id, { signal }),
    );
  },
  'selfTests.list': ({ controlId }, ctx) => listSelfTests(requireVault(ctx), controlId),
  'selfTests.get': ({ id }, ctx) => getSelfTestDetail(requireVault(ctx), id),
  'selfTests.setAttributes': (input, ctx) => setAttributes(requireVault(ctx), input),
  'selfTests.setCell': (input, ctx) => setCell(requireVault(ctx), input),
  'selfTests.deviations': ({ controlId }, ctx) =>
    listDeviations(requireVault(ctx), controlId ? { controlId } : {}),
  'selfTests.updateDeviation': ({ id, patch }, ctx) =>
    updateDeviation(requireVault(ctx), id, patch),
  'selfTests.exportWorksheet': ({ id, saveTo }, ctx) => {
    const vault = requireVault(ctx);
    const t = requireSelfTest(vault, id);
    return startOutputJob(
      ctx,
      'selfTests.exportWorksheet',
      `Exporting the worksheet of ${t.ref}`,
      saveTo,
      async () => worksheet(vault, id),
    );
  },
};

import { basename } from 'node:path';
import { verifyPackage } from '../../core/package/verify-package';
import { startFileJob } from '../start-job';
import type { HandlerSlice } from './types';

export const packageVerifyHandlers: HandlerSlice<'package.verify'> = {
  // No vault needed: an auditor checks a package on a machine that has none. A browser's staged
  // upload is used up by the check (consumeAlways): nothing else reads it afterwards.
  'package.verify': ({ source }, ctx) =>
    startFileJob(
      ctx,
      'package.verify',
      'path' in source ? `Verifying ${basename(source.path)}` : 'Verifying the audit package',
      source,
      ({ path, signal, progress }) => verifyPackage(path, { signal, onProgress: progress }),
      { consumeAlways: true },
    ),
};

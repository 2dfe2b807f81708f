import { getBlob } from '../../db/blobs';
import { requireVault } from '../context';
import { discardUpload } from '../start-job';
import type { HandlerSlice } from './types';

export const blobHandlers: HandlerSlice<'blobs.get' | 'blobs.discardUpload'> = {
  'blobs.get': ({ blobId }, ctx) => {
    const b = getBlob(requireVault(ctx).db, blobId);
    return { blobId: b.id, sha256: b.sha256, size: b.size };
  },
  'blobs.discardUpload': ({ uploadId }, ctx) => discardUpload(ctx, uploadId),
};

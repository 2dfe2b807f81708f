import { z } from 'zod';
import { method } from '../define';
import { idOf, localPath, text } from '../text';

/** A file to store: a path (desktop: dropped or picked files) or an id from `POST /upload`. */
const uploadId = idOf('up', 'upload');

export const fileSource = z.union([
  z.object({ path: localPath }).strict(),
  z.object({ uploadId }).strict(),
]);
export type FileSource = z.infer<typeof fileSource>;

/** The name a file is shown under (an upload's staged copy has none of its own). */
export const fileName = text({ max: 255, required: 'Give the file a name' });

export const storedFileSchema = z.object({
  blobId: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  deduplicated: z.boolean(),
});

export const blobMethods = {
  'blobs.get': method({
    summary: 'What is stored under a blob id (hash and size)',
    input: z.object({ blobId: z.number().int().positive() }).strict(),
    output: z.object({ blobId: z.number().int(), sha256: z.string(), size: z.number().int() }),
    mutates: false,
    reads: ['files'],
  }),
  'blobs.discardUpload': method({
    summary:
      'Remove a file staged by POST /upload that will not be used (an import wizard closed); the vault is untouched',
    input: z.object({ uploadId }).strict(),
    output: z.object({
      /**
       * `discarded`: removed now; `after_job`: a running job reads it, so it goes when that job
       * ends; `not_staged`: nothing to remove (already used or discarded, or not browser mode).
       */
      outcome: z.enum(['discarded', 'after_job', 'not_staged']),
    }),
    mutates: false,
    reads: [],
  }),
} as const;

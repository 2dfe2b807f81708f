import { z } from 'zod';
import { method } from '../define';

/** A file to store: a path (desktop: dropped or picked files) or an id from `POST /upload`. */
export const fileSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z
    .object({ uploadId: z.string().regex(/^up_[a-z0-9]+$/, { message: 'Not an upload id' }) })
    .strict(),
]);
export type FileSource = z.infer<typeof fileSource>;

export const storedFileSchema = z.object({
  blobId: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  deduplicated: z.boolean(),
});

export const blobMethods = {
  'blobs.add': method({
    summary: 'Store a file in the vault’s content-addressed store (a job, with progress)',
    input: z.object({ source: fileSource, fileName: z.string().max(255).optional() }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: storedFileSchema,
    mutates: true,
  }),
  'blobs.get': method({
    summary: 'What is stored under a blob id (hash and size)',
    input: z.object({ blobId: z.number().int().positive() }).strict(),
    output: z.object({ blobId: z.number().int(), sha256: z.string(), size: z.number().int() }),
    mutates: false,
  }),
} as const;

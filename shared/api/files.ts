import { z } from 'zod';
import { localPath } from './text';

/**
 * Where a generated file goes (DESIGN §3: never into the vault). The desktop app and the CLI
 * name a path (picked in a Save dialog, or typed); a browser names none and gets a download.
 */
export const saveToSchema = z.object({ path: localPath }).strict();

/** A file Attest wrote: where it went, or where the browser downloads it from. */
export const generatedFileSchema = z.object({
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** The path it was written to (desktop, CLI), or null when it waits to be downloaded. */
  savedTo: z.string().nullable(),
  /** Browser: the address that downloads it (`/outputs/<id>`), kept while the server runs. */
  download: z.string().nullable(),
});
export type GeneratedFile = z.infer<typeof generatedFileSchema>;

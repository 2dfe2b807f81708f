import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AttestError } from '../../shared/api/errors';

export interface StagedUpload {
  id: string;
  path: string;
  fileName: string;
  size: number;
}

export const DEFAULT_UPLOAD_LIMIT = 4 * 1024 * 1024 * 1024;

/**
 * Browser mode has no file paths: `POST /upload` streams a file into this staging folder and
 * hands back an upload id that adding methods accept. Staged files are removed once consumed,
 * when an upload fails or is too large, and whenever the staging area is created.
 */
export class UploadStaging {
  private readonly uploads = new Map<string, StagedUpload>();

  constructor(
    readonly dir: string,
    readonly limitBytes = DEFAULT_UPLOAD_LIMIT,
  ) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  /** Streams `body` to disk, refusing (and removing) anything past the size limit. */
  async receive(body: Readable, fileName: string): Promise<StagedUpload> {
    const id = `up_${randomBytes(10).toString('hex')}`;
    const path = join(this.dir, id);
    let size = 0;
    const limit = this.limitBytes;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > limit)
              throw new AttestError(
                'validation',
                `The file is larger than the ${limit}-byte upload limit`,
              );
            yield chunk;
          }
        },
        createWriteStream(path, { flags: 'wx' }),
      );
    } catch (e) {
      rmSync(path, { force: true });
      throw e;
    }
    const upload = { id, path, fileName: sanitiseFileName(fileName), size };
    this.uploads.set(id, upload);
    return upload;
  }

  get(id: string): StagedUpload {
    const upload = this.uploads.get(id);
    if (!upload) throw new AttestError('not_found', `No upload ${id}; upload the file again`);
    return upload;
  }

  has(id: string): boolean {
    return this.uploads.has(id);
  }

  /** Removes a staged file once its content is safely in the vault (or was refused). */
  release(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    this.uploads.delete(id);
    rmSync(upload.path, { force: true });
  }

  /** Files currently staged (tests check that nothing is left behind). */
  stagedFiles(): { name: string; size: number }[] {
    return readdirSync(this.dir).map((name) => ({
      name,
      size: statSync(join(this.dir, name)).size,
    }));
  }

  dispose(): void {
    this.uploads.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters from file names is the point
  const clean = base.replace(/[\u0000-\u001f]/g, '').trim();
  return clean.slice(0, 255) || 'upload';
}

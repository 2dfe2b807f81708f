import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AttestError } from '../../shared/api/errors';
import { sanitiseFileName } from './uploads';

export interface StagedOutput {
  id: string;
  /** The file's folder; the file itself is `<dir>/<fileName>`. */
  dir: string;
  fileName: string;
}

/** The newest outputs kept for download; older ones are removed as new ones arrive. */
const KEEP = 50;

/**
 * Browser mode has no Save dialog: a generated file (an export, a report) is written here and
 * downloaded with `GET /outputs/<id>`. Outputs live in ATTEST_HOME/staging/<pid>/outputs, which is
 * emptied when the server starts and stops; only the newest few are kept meanwhile. Nothing
 * generated is ever stored in the vault.
 */
export class OutputStaging {
  private readonly outputs = new Map<string, StagedOutput>();

  constructor(readonly dir: string) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  /** A fresh, empty place for one file. */
  reserve(fileName: string): StagedOutput & { path: string } {
    const id = `out_${randomBytes(10).toString('hex')}`;
    const output = { id, dir: join(this.dir, id), fileName: sanitiseFileName(fileName) };
    mkdirSync(output.dir);
    this.outputs.set(id, output);
    for (const old of [...this.outputs.keys()].slice(0, Math.max(0, this.outputs.size - KEEP)))
      this.release(old);
    return { ...output, path: join(output.dir, output.fileName) };
  }

  get(id: string): StagedOutput & { path: string } {
    const output = this.outputs.get(id);
    if (!output) {
      throw new AttestError('not_found', 'That file is no longer waiting; export it again.');
    }
    return { ...output, path: join(output.dir, output.fileName) };
  }

  release(id: string): void {
    const output = this.outputs.get(id);
    if (!output) return;
    this.outputs.delete(id);
    rmSync(output.dir, { recursive: true, force: true });
  }

  dispose(): void {
    this.outputs.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * What auditor mode keeps while a package is open (runtime state, never a module's): the
 * manifest the verifier read, its hash, and what has been read of the package so far — its
 * contents and the last populations read — so browsing never re-reads the zip for the same thing.
 * Everything goes when the package is closed or replaced.
 */
import type { PackageContents } from '../../../shared/api/methods/auditor';
import type { Manifest } from '../../../shared/domain/package/manifest';
import { INDEX_CSVS, readIndexCsv } from './index-csv';
import { buildContents } from './contents';
import { listedFile, readListedFiles } from './package-read';
import { type PopulationTable, countRows } from './population-rows';

export interface AuditorSession {
  /** The zip, where it was verified. */
  path: string;
  manifest: Manifest;
  manifestSha256: string;
  contents: Promise<PackageContents> | null;
  /** Populations read, by evidence id (a few at most: see `populationTable`). */
  populations: Map<string, Promise<PopulationTable>>;
}

export function newSession(
  path: string,
  manifest: Manifest,
  manifestSha256: string,
): AuditorSession {
  return { path, manifest, manifestSha256, contents: null, populations: new Map() };
}

/** The package's contents, read once per open package (a failed read is tried again next time). */
export function sessionContents(session: AuditorSession, home: string): Promise<PackageContents> {
  if (!session.contents) {
    session.contents = readContents(session, home);
    session.contents.catch(() => {
      session.contents = null;
    });
  }
  return session.contents;
}

async function readContents(session: AuditorSession, home: string): Promise<PackageContents> {
  const wanted = Object.values(INDEX_CSVS)
    .map((p) => listedFile(session.manifest, p))
    .filter((f) => f !== null);
  const bytes = await readListedFiles(session.path, wanted);
  const table = (path: string) => {
    const b = bytes.get(path);
    return b ? readIndexCsv(b, path) : null;
  };
  const contents = buildContents(session.manifest, {
    evidence: table(INDEX_CSVS.evidence),
    requests: table(INDEX_CSVS.requests),
    controls: table(INDEX_CSVS.controls),
  });
  for (const p of contents.populations) {
    const read = await countRows(session, home, listedFile(session.manifest, p.path)!).catch(
      () => null,
    );
    p.rows = read?.rows ?? null;
    p.dateColumn = read?.dateColumn ?? null;
  }
  return contents;
}

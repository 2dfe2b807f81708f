/**
 * Writes `newerCatalog()` as a folder for ATTEST_CATALOG: `node --import tsx <this> <dir>`, or
 * bundled first (`bundledScript` in spawn.ts) as the e2e spec does.
 * End-to-end specs use it to stand in a newer build's catalog.
 */
import { newerCatalog, writeCatalogDir } from './newer-catalog';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: write-newer-catalog <dir>\n');
  process.exit(2);
}
writeCatalogDir(dir, newerCatalog());

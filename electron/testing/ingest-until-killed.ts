// Stores a file in an existing vault and reports each committed batch on stdout, so a test can
// SIGKILL this process at a chosen point mid-ingest.
import { putBlobFromFile } from '../db/blobs';
import { openVault } from '../core/vault/session';

const [vaultPath, filePath] = process.argv.slice(2);
const vault = await openVault(vaultPath!, { app: 'kill campaign' });
await putBlobFromFile(vault.db, filePath!, {
  now: vault.now,
  afterCommit: (chunks) => process.stdout.write(`chunks ${chunks}\n`),
});
process.stdout.write('done\n');
// Deliberately no close: the test kills this process.
setInterval(() => {}, 1000);

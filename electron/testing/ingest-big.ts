// Streams a large file into a vault and back out in a separate process, then reports its peak
// memory: the blob store must keep memory flat whatever the file size.
import { createHash } from 'node:crypto';
import { closeSync, openSync, ftruncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { engagementInput } from '../../shared/api/vault';
import { blobChunks, putBlobFromFile } from '../db/blobs';
import { closeVault, createVault } from '../core/vault/session';

const [dir, sizeText] = process.argv.slice(2);
const size = Number(sizeText);
const file = join(dir!, 'big.bin');
// A sparse file with a marker at each end, so the bytes are not all alike.
const fd = openSync(file, 'w');
ftruncateSync(fd, size);
writeSync(fd, Buffer.from('start'), 0, 5, 0);
writeSync(fd, Buffer.from('end'), 0, 3, size - 3);
closeSync(fd);

const vault = await createVault(
  join(dir!, 'big.attest'),
  engagementInput.parse({ name: 'Big', reportType: 'type1', asOf: '2026-03-31' }),
  { app: 'ingest-big' },
);
const stored = await putBlobFromFile(vault.db, file, { now: vault.now });
const ingestMaxRssMiB = process.resourceUsage().maxRSS / 1024;
const hash = createHash('sha256');
let readBack = 0;
for (const chunk of blobChunks(vault.db, stored.blobId)) {
  hash.update(chunk);
  readBack += chunk.length;
}
closeVault(vault);
process.stdout.write(
  JSON.stringify({
    size: stored.size,
    sha256: stored.sha256,
    readBackSha256: hash.digest('hex'),
    readBack,
    ingestMaxRssMiB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);

import type { VerifyProblem } from '../../../shared/api/vault';
import { BLOB_OWNERS, ownedBlobs, unownedBlobIds } from '../../db/blob-owners';
import { type VaultDb, all } from '../../db/connection';

/**
 * Owner ↔ blob ↔ chunks, both ways (DESIGN §3). Each owner's recorded SHA-256 and size must be
 * those of the blob it points at (a swapped file fails here even when its blob row was rewritten
 * to match the new bytes — the owner's own row is vouched for by the audit log); every complete
 * blob must have an owner; every chunk must belong to a blob. Re-hashing the chunks against the
 * blob row is `checkAllBlobs`.
 */
export function checkBlobOwnership(db: VaultDb, problems: VerifyProblem[]): void {
  const blobs = new Map(
    (
      all(db, db.qb.selectFrom('blob').select(['id', 'sha256', 'size', 'state'])) as {
        id: number;
        sha256: string | null;
        size: number | null;
        state: string;
      }[]
    ).map((b) => [b.id, b]),
  );
  for (const owned of ownedBlobs(db)) {
    const who = `${owned.owner.entity} ${owned.ownerId} (${owned.owner.what} ${owned.ownerName})`;
    const blob = blobs.get(owned.blobId);
    if (!blob || blob.state !== 'complete') {
      problems.push({
        kind: 'blob_missing',
        blobId: owned.blobId,
        entity: owned.owner.entity,
        entityId: owned.ownerId,
        message: `The file ${who} stored (file ${owned.blobId}) is gone from the vault: removed outside Attest`,
      });
    } else if (owned.sha256 !== blob.sha256 || owned.size !== blob.size) {
      problems.push({
        kind: 'blob_owner_mismatch',
        blobId: owned.blobId,
        entity: owned.owner.entity,
        entityId: owned.ownerId,
        message:
          owned.sha256 === null
            ? `${who} points at stored file ${owned.blobId} without recording its hash: changed outside Attest`
            : `Stored file ${owned.blobId} is not the file ${who} recorded (SHA-256 ${owned.sha256.slice(0, 12)}…, ${owned.size} bytes; the vault now holds ${String(blob.sha256).slice(0, 12)}…, ${blob.size} bytes): replaced outside Attest`,
      });
    }
  }
  for (const id of unownedBlobIds(db)) {
    problems.push({
      kind: 'blob_unowned',
      blobId: id,
      message: `Stored file ${id} belongs to no record (${BLOB_OWNERS.map((o) => o.entity).join(', ')}): added outside Attest`,
    });
  }
  const orphans = all(
    db,
    db.qb
      .selectFrom('blob_chunk as c')
      .leftJoin('blob as b', 'b.id', 'c.blob_id')
      .select('c.blob_id')
      .distinct()
      .where('b.id', 'is', null),
  ) as { blob_id: number }[];
  for (const { blob_id } of orphans) {
    problems.push({
      kind: 'blob_unowned',
      blobId: blob_id,
      message: `Parts of a stored file (${blob_id}) remain without the file itself: left or added outside Attest`,
    });
  }
}

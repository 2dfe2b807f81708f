import type { Kysely } from 'kysely';
import { type VaultDb, all, prepare, run } from './connection';
import type { AuditedEntity } from './audited';

/**
 * Every blob is owned by an audited record whose state includes the blob's SHA-256 and size
 * (DESIGN §3): so a stored file swapped behind the app's back — bytes and blob row alike — no
 * longer matches what its owner recorded, and `verify` names it. This lists every kind of owner
 * (the evidence and policy modules add theirs here); `verify` checks owner ↔ blob ↔ chunks both
 * ways, and a blob no owner references any more is removed.
 */
export const BLOB_OWNERS = [
  {
    entity: 'subservice_org',
    table: 'subservice_org',
    blob: 'report_blob_id',
    sha256: 'report_sha256',
    size: 'report_size',
    name: 'name',
    what: 'the SOC report of',
  },
  {
    entity: 'evidence',
    table: 'evidence',
    blob: 'blob_id',
    sha256: 'file_sha256',
    size: 'file_size',
    name: 'ref',
    what: 'the file of evidence',
  },
] as const satisfies readonly {
  entity: AuditedEntity;
  table: string;
  blob: string;
  sha256: string;
  size: string;
  /** The column that names the owner to a person (verify's messages). */
  name: string;
  /** How the file is spoken of, before the owner's name. */
  what: string;
}[];

export type BlobOwner = (typeof BLOB_OWNERS)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- owner tables come from BLOB_OWNERS
const untyped = (db: VaultDb) => db.qb as unknown as Kysely<any>;

/** What each owner records of its blob, for verify. */
export function ownedBlobs(db: VaultDb): {
  owner: BlobOwner;
  ownerId: string;
  ownerName: string;
  blobId: number;
  sha256: string | null;
  size: number | null;
}[] {
  return BLOB_OWNERS.flatMap((owner) =>
    (
      all(
        db,
        untyped(db)
          .selectFrom(owner.table)
          .select([
            'id as ownerId',
            `${owner.name} as ownerName`,
            `${owner.blob} as blobId`,
            `${owner.sha256} as sha256`,
            `${owner.size} as size`,
          ])
          .where(owner.blob, 'is not', null),
      ) as {
        ownerId: string;
        ownerName: string;
        blobId: number;
        sha256: string | null;
        size: number | null;
      }[]
    ).map((r) => ({ owner, ...r })),
  );
}

/** Whether any record still owns the blob. */
export function isOwned(db: VaultDb, blobId: number): boolean {
  return BLOB_OWNERS.some(
    (owner) =>
      all(
        db,
        untyped(db).selectFrom(owner.table).select('id').where(owner.blob, '=', blobId).limit(1),
      ).length > 0,
  );
}

/**
 * Removes a blob that no record owns any more (its last owner let go of it), inside the caller's
 * transaction. Answers whether it was removed. Free pages are given back later (space.ts).
 */
export function releaseBlob(db: VaultDb, blobId: number): boolean {
  if (isOwned(db, blobId)) return false;
  run(db, db.qb.deleteFrom('blob_chunk').where('blob_id', '=', blobId));
  return run(db, db.qb.deleteFrom('blob').where('id', '=', blobId)).changes === 1;
}

/**
 * Complete blobs no record owns (for verify, and the clean-up at open). One query over the
 * owners' blob columns (evidence's is indexed): at every open of a vault with 50 000 evidence
 * items, reading every owner row into a set took most of a fifth of a second.
 */
export function unownedBlobIds(db: VaultDb): number[] {
  const noOwner = BLOB_OWNERS.map(
    (owner) => `NOT EXISTS (SELECT 1 FROM "${owner.table}" o WHERE o."${owner.blob}" = b.id)`,
  ).join(' AND ');
  return prepare(
    db,
    `SELECT b.id FROM blob b WHERE b.state = 'complete' AND ${noOwner} ORDER BY b.id`,
  )
    .pluck()
    .all() as number[];
}

/**
 * The records that own a blob, in words ("the file of evidence EV-12 “Q1 access review”"), so
 * verify names what a person recognises rather than a blob number.
 */
export function ownersNamed(db: VaultDb, blobId: number): string[] {
  return BLOB_OWNERS.flatMap((owner) =>
    (
      all(
        db,
        untyped(db)
          .selectFrom(owner.table)
          .select(['id', `${owner.name} as name`])
          .where(owner.blob, '=', blobId)
          .orderBy(owner.name),
      ) as { id: string; name: string }[]
    ).map((r) => `${owner.what} ${r.name}`),
  );
}

import { AttestError } from '../../../shared/api/errors';
import type { ChainHead, RecordedHead, Witness, WitnessEvent } from '../../../shared/api/witness';
import { chainHashAt, chainHead } from '../../db/audit';
import type { VaultDb } from '../../db/connection';
import { getVaultKey } from '../../db/repos/keys';
import type { WitnessLine, WitnessStore } from '../../platform/witness-store';

/**
 * The witness of a vault's audit chain (DESIGN §3, "What the hash chain proves"). The chain has
 * no secret: anyone can rewrite a record and recompute every hash after it, and the chain alone
 * then checks out. So this computer keeps the chain's head outside the vault, every time it
 * moves (see WitnessStore), and compares a vault's chain with that history.
 *
 * Heads are written only while the vault continues what was recorded (or nothing was): a vault
 * found behind, diverged or rewritten writes nothing until the user accepts it, so opening a
 * tampered vault never launders it. Each line names the head it grew from (`base`), so "behind"
 * is only said of a chain that the newest recorded head is known to have grown from.
 */

/** The vault's identity: SHA-256 of its public key (the same for every copy of it). */
export function vaultFingerprint(db: VaultDb): string {
  const key = getVaultKey(db);
  if (!key) {
    throw new AttestError(
      'integrity',
      'The vault has no signing key, so its history cannot be compared with what this computer recorded.',
    );
  }
  return key.fingerprint;
}

/** Compares the vault's chain with the heads recorded for it. Reads only. */
export function judgeChain(db: VaultDb, lines: readonly WitnessLine[], file: string): Witness {
  const head = chainHead(db);
  const base = {
    head,
    file,
    latest: null,
    matched: null,
    entriesBehind: null,
    entriesSince: null,
  };
  const latestLine = lines.at(-1);
  if (!latestLine) {
    return {
      ...base,
      status: 'unwitnessed',
      message:
        'Not witnessed on this computer before (a vault from another computer, or one never opened here): there is nothing to compare its audit chain with.',
    };
  }
  const hashes = new Map<number, string | null>();
  const contains = (h: ChainHead) => {
    if (h.seq > head.seq) return false;
    if (!hashes.has(h.seq)) hashes.set(h.seq, chainHashAt(db, h.seq));
    return hashes.get(h.seq) === h.hash;
  };
  const latest = recorded(latestLine);

  if (contains(latestLine)) {
    const since = head.seq - latestLine.seq;
    return {
      ...base,
      status: 'sound',
      latest,
      matched: latest,
      entriesSince: since,
      message:
        `The audit chain continues what this computer last recorded, entry ${latestLine.seq} on ${when(latestLine.at)}` +
        (since > 0 ? ` (${plural(since, 'entry', 'entries')} added since).` : '.'),
    };
  }

  // The deepest recorded head the chain still contains; "recorded on" is when it was first seen.
  let matchedLine: WitnessLine | null = null;
  for (const line of lines) {
    if (contains(line) && (!matchedLine || line.seq > matchedLine.seq)) matchedLine = line;
  }
  if (!matchedLine) {
    const expected = [...lines].reverse().find((l) => l.seq <= head.seq);
    const first = lines[0]!;
    return {
      ...base,
      status: 'rewritten',
      latest,
      message: expected
        ? `The audit chain no longer extends entry ${expected.seq} recorded on ${when(expected.at)}: its history was rewritten outside Attest (the chain was recomputed). Restore a backup, or find out who changed the file.`
        : `The audit chain has ${plural(head.seq, 'entry', 'entries')} and matches none of the heads this computer recorded (the first, entry ${first.seq}, on ${when(first.at)}): its history was rewritten outside Attest, or it is older than anything seen here.`,
    };
  }
  const matched = recorded(matchedLine);

  if (matchedLine.seq === head.seq && ancestry(lines, latestLine).has(keyOf(matchedLine))) {
    const behind = latestLine.seq - head.seq;
    return {
      ...base,
      status: 'behind',
      latest,
      matched,
      entriesBehind: behind,
      message: `This vault is ${plural(behind, 'entry', 'entries')} behind what this computer last saw on ${when(latestLine.at)} (entry ${latestLine.seq}): a restored backup or an older copy? Nothing in it was changed outside Attest. Accept it as the new baseline if you meant to go back.`,
    };
  }
  return {
    ...base,
    status: 'diverged',
    latest,
    matched,
    message: `This vault extends entry ${matchedLine.seq} recorded on ${when(matchedLine.at)} but not the newest head this computer saw (entry ${latestLine.seq} on ${when(latestLine.at)}): it went its own way after that point — a copy saved from it and edited elsewhere? If no copy was edited, treat it as a change made outside Attest.`,
  };
}

/** The verdict for the vault open on `db`, read from `store`. */
export function consultWitness(store: WitnessStore, db: VaultDb): Witness {
  const fingerprint = vaultFingerprint(db);
  return judgeChain(db, store.read(fingerprint), store.fileFor(fingerprint));
}

export interface RecordOptions {
  event: WitnessEvent;
  /** The vault file the head is seen in. */
  file: string;
  now: string;
}

/**
 * Records the chain's head when it continues what was recorded (or nothing was yet); otherwise
 * records nothing — a vault behind, diverged or rewritten waits for the user's decision. Nothing
 * is written when the head is already the newest recorded one.
 */
export function recordHead(
  store: WitnessStore,
  db: VaultDb,
  options: RecordOptions,
): { recorded: boolean; witness: Witness } {
  const fingerprint = vaultFingerprint(db);
  const lines = store.read(fingerprint);
  const file = store.fileFor(fingerprint);
  const witness = judgeChain(db, lines, file);
  const grows =
    witness.status === 'unwitnessed' ||
    (witness.status === 'sound' && (witness.entriesSince ?? 0) > 0);
  if (!grows) return { recorded: false, witness };
  const line: WitnessLine = {
    at: options.now,
    ...witness.head,
    event: options.event,
    file: options.file,
    base: witness.latest ? headOf(witness.latest) : null,
  };
  store.append(fingerprint, line);
  return { recorded: true, witness: judgeChain(db, [...lines, line], file) };
}

/**
 * The user's decision: this chain's head becomes the newest recorded one, whatever the verdict
 * (`attest verify --accept-witness`, the app's Accept button, a restore made in Attest).
 */
export function acceptHead(
  store: WitnessStore,
  db: VaultDb,
  options: RecordOptions & { event: 'accept' | 'restore'; replaced?: ChainHead },
): Witness {
  const fingerprint = vaultFingerprint(db);
  const lines = store.read(fingerprint);
  const file = store.fileFor(fingerprint);
  const witness = judgeChain(db, lines, file);
  if (witness.status === 'sound' && witness.entriesSince === 0 && options.event === 'accept') {
    return witness;
  }
  // What it grew from: the deepest recorded head below it that it contains.
  let base: ChainHead | null = null;
  if (witness.matched) {
    base =
      witness.matched.seq < witness.head.seq
        ? headOf(witness.matched)
        : (lines.find((l) => keyOf(l) === keyOf(witness.matched!))?.base ?? null);
  }
  const line: WitnessLine = {
    at: options.now,
    ...witness.head,
    event: options.event,
    file: options.file,
    base,
    ...(options.replaced ? { replaced: options.replaced } : {}),
  };
  store.append(fingerprint, line);
  return judgeChain(db, [...lines, line], file);
}

/** Every head the given line grew from, following `base` links (itself included). */
function ancestry(lines: readonly WitnessLine[], from: WitnessLine): Set<string> {
  const bases = new Map<string, ChainHead[]>();
  for (const l of lines) {
    if (!l.base) continue;
    const k = keyOf(l);
    bases.set(k, [...(bases.get(k) ?? []), l.base]);
  }
  const seen = new Set<string>();
  const todo = [keyOf(from)];
  while (todo.length > 0) {
    const k = todo.pop()!;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const b of bases.get(k) ?? []) todo.push(keyOf(b));
  }
  return seen;
}

function recorded(line: WitnessLine): RecordedHead {
  return { seq: line.seq, hash: line.hash, at: line.at, event: line.event };
}

function headOf(h: ChainHead): ChainHead {
  return { seq: h.seq, hash: h.hash };
}

function keyOf(h: ChainHead): string {
  return `${h.seq}:${h.hash}`;
}

/** An instant as the CLI prints it: `2026-12-03 10:15 UTC`. */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

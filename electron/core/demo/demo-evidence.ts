import { putSmallBlob } from '../../db/blobs';
import { tx } from '../../db/connection';
import { createItem } from '../evidence/ingest';
import type { Vault } from '../vault/session';
import { throwIfCancelled } from './demo';

/**
 * The large demo's evidence (D1): `items` evidence records over `files` distinct small files (a
 * few hundred bytes to a few KiB each), the way a long engagement accumulates them — the same
 * screenshots and exports attached to many controls, monthly and quarterly. Built through the
 * same `createItem` as an add (audited rows, links as rows, each item owning its file), in
 * batched transactions, deterministically.
 */
const BATCH = 500;

const KINDS = [
  ['Access review', 'Okta admin console'],
  ['Change ticket export', 'Jira'],
  ['Backup restore test', 'AWS Backup'],
  ['Vulnerability scan', 'Qualys'],
  ['Security alert triage', 'PagerDuty'],
  ['Encryption settings', 'AWS KMS console'],
  ['Offboarding checklist', 'Workday'],
  ['Deployment approvals', 'GitHub'],
] as const;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** Deterministic file content: a small CSV export, its size varying with `i`. */
function demoFile(i: number): Buffer {
  const [what, system] = pick(KINDS, i);
  const lines = [`# ${what} — demo export ${i + 1} from ${system}`, 'row,user,result,checked_on'];
  for (let r = 0; r < 4 + (i % 60); r++) {
    lines.push(
      `${r + 1},user${(i * 31 + r) % 997}@northwind-demo.test,ok,2026-0${1 + (r % 3)}-1${r % 10}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** A date in the demo's period (2025-10-01 to 2026-03-31). */
function periodDate(i: number): string {
  const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
  return `${pick(months, i)}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
}

export async function growEvidence(
  vault: Vault,
  size: { items: number; files: number },
  controls: readonly string[],
  people: readonly string[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const existing = vault.db.sqlite.prepare('SELECT count(*) FROM evidence').pluck().get() as number;
  for (let start = existing; start < size.items; start += BATCH) {
    throwIfCancelled(signal);
    tx(vault.db, () => {
      for (let i = start; i < Math.min(size.items, start + BATCH); i++) {
        const f = i % size.files;
        const stored = putSmallBlob(vault.db, demoFile(f), vault.now());
        const [what, system] = pick(KINDS, f);
        const performed = periodDate(i);
        createItem(
          vault,
          {
            title: `${what} ${i + 1} (demo)`,
            performedOn: performed,
            coverage:
              i % 3 === 0
                ? { window: { start: `${performed.slice(0, 7)}-01`, end: performed } }
                : { asOf: performed },
            collectedOn: performed,
            source: system,
            collectorId: pick(people, i),
            controlIds: [
              pick(controls, i),
              ...(i % 4 === 0 ? [pick(controls, i * 7 + 3)] : []),
            ].filter((c, k, all) => all.indexOf(c) === k),
            requestIds: [],
          },
          { name: `demo-${f + 1}.csv` },
          stored.blobId,
          stored,
        );
      }
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

import type { Frequency, Nature } from '../../../shared/domain/catalog';
import { addDays, minDate } from '../../../shared/domain/calendar';
import { occurrences } from '../../../shared/domain/occurrences';
import { putSmallBlob } from '../../db/blobs';
import { tx } from '../../db/connection';
import { reviewEvidence } from '../evidence/evidence';
import { createItem } from '../evidence/ingest';
import { assessmentsByControl } from '../gaps/assessments';
import { itgcStates } from '../gaps/control-evidence';
import { listControls } from '../scope/controls';
import type { Vault } from '../vault/session';

/**
 * The small demo's reviewed evidence (D1): every implemented control gets one small demo file for
 * each window of its occurrences that has closed by today (one for the period so far where a
 * population evidences it), performed in that window and reviewed two days later by a person who
 * neither owns nor performs the control. Controls assessed partial, not implemented or not at all
 * get none. So criteria whose key controls are all implemented show "Met" and the others do not,
 * by the one rule (`coverage.ts`), with nothing forced. Automated controls go last: whether they
 * must be sampled depends on the ITGCs evidenced first.
 *
 * Run as of the vault's today, so twice over a build: once before the demo's frozen review, then
 * at today with `after` set, adding only items performed after the first run's last ones (the
 * windows closed since, and the period so far again). `except`: controls evidenced otherwise.
 */
export function fillReviewedEvidence(
  vault: Vault,
  period: { start: string; end: string },
  reviewers: readonly string[],
  options: { after?: string; except?: ReadonlySet<string> } = {},
): number {
  const today = vault.now().slice(0, 10);
  const assessments = assessmentsByControl(vault);
  const implemented = listControls(vault, { includeArchived: false, limit: 1000 }).items.filter(
    (c) => assessments.get(c.id)?.status === 'implemented' && !options.except?.has(c.ref),
  );
  const manualFirst = [
    ...implemented.filter((c) => c.nature !== 'automated'),
    ...implemented.filter((c) => c.nature === 'automated'),
  ];
  let added = 0;
  let automatedStates: Map<string, 'effective' | 'failing' | 'unknown'> | null = null;
  for (const control of manualFirst) {
    if (control.nature === 'automated' && !automatedStates) {
      const ids = implemented.filter((c) => c.nature === 'automated').map((c) => c.id);
      automatedStates = itgcStates(vault, ids);
    }
    const reviewer = reviewers.find((p) => p !== control.ownerId && p !== control.performerId);
    if (!reviewer) continue;
    const due = occurrences({
      frequency: control.frequency as Frequency,
      nature: control.nature as Nature,
      engagement: { type: 'type2', ...period },
      evaluatedOn: today,
      instances: [],
      itgcs: automatedStates?.get(control.id) ?? 'unknown',
    });
    const windows = due.windows.filter((w) => w.status === 'missing' || w.start <= today);
    tx(vault.db, () => {
      for (const w of windows) {
        // A population (or an automated control's configuration) covers the period so far.
        const end = minDate(w.end, addDays(today, -3));
        if (end < w.start || (options.after !== undefined && end <= options.after)) continue;
        const title = `${control.ref} ${control.title} — ${w.start} to ${end} (demo)`;
        const body = [
          'DEMO EVIDENCE — fictional content created by `attest demo` for Northwind Analytics.',
          `Control: ${control.ref} ${control.title}`,
          `Covers: ${w.start} to ${end}; performed ${end}.`,
          'Nothing here describes a real organisation.',
          '',
        ].join('\n');
        const stored = putSmallBlob(vault.db, Buffer.from(body), vault.now());
        const item = createItem(
          vault,
          {
            title,
            performedOn: end,
            coverage: { window: { start: w.start, end } },
            collectedOn: end,
            source: 'Demo data',
            collectorId: control.performerId ?? undefined,
            controlIds: [control.id],
            requestIds: [],
          },
          { name: `${control.ref}-${end}-demo.txt` },
          stored.blobId,
          stored,
        );
        reviewEvidence(vault, item.id, reviewer, minDate(addDays(end, 2), today));
        added++;
      }
    });
  }
  return added;
}

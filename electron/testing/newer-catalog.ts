import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../shared/domain/catalog';
import { builtInCatalog, parseCatalogFiles } from '../core/catalog/catalog';

/** What `newerCatalog()` changes against the built-in catalog, for assertions. */
export const NEWER = {
  version: '2026.5',
  retitled: { ref: 'AC-01', title: 'Unique named accounts for every person' },
  newProcedure: { ref: 'AC-02' },
  remapped: { ref: 'BCP-03', criteria: ['A1.2', 'CC7.4'] },
  added: { ref: 'AC-90', title: 'Quarterly review of break-glass accounts', criteria: ['CC6.1'] },
  retired: { ref: 'GOV-03' },
  criterion: { id: 'CC1.1' },
} as const;

/**
 * A catalog as a later build might ship it: the built-in one with a version bump, a retitled
 * control, a rewritten test procedure, a changed mapping, one control added, one dropped and one
 * criterion's guidance rewritten. Checked by the same parser as the shipped files.
 */
export function newerCatalog(): Catalog {
  const c = structuredClone(builtInCatalog()) as Catalog & { version: string };
  const control = (ref: string) => c.controls.find((x) => x.ref === ref)!;
  c.version = NEWER.version;
  control(NEWER.retitled.ref).title = NEWER.retitled.title;
  control(NEWER.newProcedure.ref).testProcedure =
    'Select the quarter’s new joiners from the HR system; for each, trace the access ticket, the approver and the first login.';
  const remapped = control(NEWER.remapped.ref);
  remapped.criteria = [...NEWER.remapped.criteria];
  remapped.supporting = ['CC7.4'];
  remapped.categories = ['security', 'availability'];
  c.controls.push({
    ...control('AC-01'),
    supporting: [],
    ref: NEWER.added.ref,
    title: NEWER.added.title,
    description: 'Emergency accounts are listed, sealed and reviewed each quarter.',
    criteria: [...NEWER.added.criteria],
    categories: ['security'],
  });
  c.controls = c.controls.filter((x) => x.ref !== NEWER.retired.ref);
  // GOV-03 was a key control for CC1.5: GOV-07 and GOV-09 carry it too.
  // A retired control leaves the templates that listed it, and their promises.
  for (const p of c.policies) {
    p.controls = p.controls.filter((ref) => ref !== NEWER.retired.ref);
    p.promises = p.promises
      .map((x) => ({ ...x, controls: x.controls.filter((ref) => ref !== NEWER.retired.ref) }))
      .filter((x) => x.controls.length > 0);
  }
  c.policies.find((p) => p.key === control('AC-01').policyKey)!.controls.push(NEWER.added.ref);
  const criterion = c.criteria.find((x) => x.id === NEWER.criterion.id)!;
  criterion.guidance = {
    ...criterion.guidance,
    asks: 'Leaders show by their own conduct and by written standards that integrity matters.',
  };
  return parseCatalogFiles(
    { version: c.version, criteria: c.criteria },
    { version: c.version, controls: c.controls },
    { version: c.version, policies: c.policies },
  );
}

/** Writes a catalog as a folder that ATTEST_CATALOG can name. */
export function writeCatalogDir(dir: string, catalog: Catalog): string {
  mkdirSync(dir, { recursive: true });
  const { version } = catalog;
  writeFileSync(
    join(dir, 'criteria.json'),
    JSON.stringify({ version, criteria: catalog.criteria }),
  );
  writeFileSync(
    join(dir, 'controls.json'),
    JSON.stringify({ version, controls: catalog.controls }),
  );
  writeFileSync(
    join(dir, 'policies.json'),
    JSON.stringify({ version, policies: catalog.policies }),
  );
  return dir;
}

/**
 * Vaults for the self-testing tests (T, issue 18): a scoped vault whose first control is per
 * event, with a population of terminations recorded and linked to it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evidenceAddInput, populationInput } from '../../shared/api/evidence';
import { addDays } from '../../shared/domain/calendar';
import { collectFiles, ingestEvidence } from '../core/evidence/ingest';
import { recordPopulation } from '../core/evidence/population';
import { listControls, updateControl } from '../core/scope/controls';
import type { Vault } from '../core/vault/session';
import { tempDir } from './tmp';
import { newScopedTestVault } from './vaults';

/** The date of the i-th termination row (1-based): spread over the first half of 2026. */
export const terminationDate = (i: number) => addDays('2026-01-01', i % 181);

/**
 * Terminations from the HR system: `inside` rows in the period, two before it, and `undated`
 * rows with no date at the end.
 */
export function terminationsCsv(
  dir: string,
  inside = 300,
  name = 'terminations.csv',
  undated = 0,
): string {
  const lines = ['Ticket,Employee,Terminated on'];
  lines.push('HR-0,Old One,2025-11-03', 'HR-00,Older One,2025-12-01');
  for (let i = 1; i <= inside; i++) lines.push(`HR-${i},Person ${i},${terminationDate(i)}`);
  for (let i = 1; i <= undated; i++) lines.push(`HR-U${i},Undated ${i},`);
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

export async function addEvidence(vault: Vault, path: string, extra: Record<string, unknown> = {}) {
  const input = evidenceAddInput.parse({ sources: [{ path }], ...extra });
  const { files, skipped } = collectFiles(input.sources as { path: string }[]);
  return (await ingestEvidence(vault, input, files, skipped)).added[0]!.evidenceId;
}

/** A scoped vault whose first control is per event, with a population of terminations. */
export async function withPopulation(
  options: { support?: boolean; inside?: number; undated?: number } = {},
) {
  const dir = tempDir();
  const vault = await newScopedTestVault(dir);
  const control = listControls(vault, { includeArchived: false, limit: 1000 }).items[0]!;
  updateControl(vault, control.id, {
    frequency: 'per_event',
    nature: 'manual',
    testAttributes: ['Access removed within one business day', 'Ticket approved by the manager'],
  });
  const csv = terminationsCsv(dir, options.inside, 'terminations.csv', options.undated);
  const populationId = await addEvidence(vault, csv, {
    controlIds: [control.id],
    performedOn: '2026-03-01',
  });
  const supportIds = [];
  if (options.support !== false) {
    writeFileSync(join(dir, 'query.sql'), 'SELECT * FROM terminations WHERE ...');
    supportIds.push(await addEvidence(vault, join(dir, 'query.sql')));
  }
  await recordPopulation(
    vault,
    populationInput.parse({
      id: populationId,
      sourceSystem: 'HR system',
      dateColumn: 'Terminated on',
      supportIds,
    }),
  );
  return { dir, vault, control, populationId };
}

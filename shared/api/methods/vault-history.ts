import { z } from 'zod';
import { method } from '../define';
import { AUDITED_DOMAINS } from '../domains';
import { vetted } from '../text';
import { BACKUP_ID, backupSchema, restoreResultSchema, witnessSchema } from '../witness';

/** A backup's id as listed by `vault.backups`: never a path (the dispatcher's path rules). */
export const backupIdInput = vetted(
  z.string().regex(BACKUP_ID, { message: 'Not a backup id: pick a backup from the list' }),
);

/** The vault's history kept outside it: the witness of its audit chain, and its backups. */
export const vaultHistoryMethods = {
  'vault.witness': method({
    summary:
      'What the witness on this computer says about the open vault’s audit chain (sound, behind, diverged, rewritten, unwitnessed)',
    input: z.object({}).strict(),
    output: witnessSchema,
    mutates: false,
    // The verdict compares the vault's audit chain, which every change to the vault extends,
    // with the heads the witness recorded.
    reads: ['witness', 'files', ...AUDITED_DOMAINS],
  }),
  'vault.acceptWitness': method({
    summary:
      'Record the open vault’s chain head as the new baseline in the witness (after a restore by hand, or a copy gone its own way)',
    input: z.object({}).strict(),
    output: witnessSchema,
    mutates: true,
    touches: ['witness'],
  }),
  'vault.backups': method({
    summary: 'The open vault’s backups, newest first, and the folder that holds them',
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), items: z.array(backupSchema) }),
    mutates: false,
    reads: ['backups'],
  }),
  'vault.backup': method({
    summary: 'Back up the open vault now, as a job (a backup already under way is returned)',
    input: z.object({}).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: backupSchema,
    mutates: true,
    touches: ['backups'],
  }),
  'vault.restoreBackup': method({
    summary:
      'Replace the open vault with one of its backups, as a job; the vault as it was is kept as a backup first',
    input: z.object({ id: backupIdInput }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: restoreResultSchema,
    mutates: true,
    touches: [] /* announces the vault opened again itself */,
  }),
} as const;

import { resolve } from 'node:path';
import { isAttestError } from '../../../shared/api/errors';
import type { CheckedCopy, VerifyFileResult } from '../../../shared/api/vault';
import { parse } from '../args';
import { formatBytes } from '../format';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io';
import { withRpc } from '../rpc';

export async function verifyCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('verify', args, {});
  if (positionals.length !== 1)
    throw new UsageError('verify: give exactly one vault (or package) path');
  const path = resolve(io.cwd, positionals[0]!);
  let result: VerifyFileResult;
  try {
    // Read-only: verify never writes to the vault (DESIGN §3).
    result = await withRpc(io, signal, (rpc) =>
      rpc.job('vault.verifyFile', { file: path }, 'Re-hashing stored files'),
    );
  } catch (e) {
    // Too damaged even to be copied for checking: still "a check found problems".
    if (isAttestError(e) && e.code === 'integrity') {
      io.err(`attest verify: ${e.message}\n`);
      return EXIT_PROBLEMS;
    }
    throw e;
  }
  const { report, checkedCopy } = result;
  if (values.json) {
    io.out(JSON.stringify(report, null, 2) + '\n');
    // --json prints the contract's shape only; the note goes beside it.
    if (checkedCopy) io.err(`attest verify: note: ${describeCopy(checkedCopy)}\n`);
  } else {
    const c = report.checked;
    io.out(`Verified ${path}\n`);
    if (checkedCopy) io.out(`  ${describeCopy(checkedCopy)}\n`);
    io.out(
      `  ${c.auditEntries} audit entries, ${c.rows} records, ${c.blobs} stored files (${formatBytes(c.blobBytes)})\n`,
    );
    if (report.ok) {
      io.out(
        'Sound: the audit chain is intact, every record matches its last recorded state and every file its hash.\n',
      );
    } else {
      io.out(
        `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found:\n`,
      );
      for (const p of report.problems) io.out(`  ✗ ${p.message}\n`);
    }
  }
  return report.ok ? EXIT_OK : EXIT_PROBLEMS;
}

function describeCopy(copy: CheckedCopy): string {
  const upgraded =
    copy.fromVersion < copy.toVersion
      ? ` upgraded to format ${copy.toVersion}, as Attest upgrades it when it next opens the vault`
      : '';
  if (copy.reason === 'older_format') {
    return `The vault is in format ${copy.fromVersion}; it was checked in a temporary copy${upgraded}. The file itself was not changed.`;
  }
  return `The vault has an unfinished change (a program stopped in the middle of saving); it was checked in a temporary copy with that change undone${upgraded ? ` and${upgraded}` : ', as Attest does when it next opens the vault'}. The file itself was not changed.`;
}

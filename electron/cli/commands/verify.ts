import { resolve } from 'node:path';
import { isAttestError } from '../../../shared/api/errors';
import type { CheckedCopy, VerifyFileResult } from '../../../shared/api/vault';
import type { Witness } from '../../../shared/api/witness';
import { parse } from '../args';
import { formatBytes } from '../format';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io';
import { withRpc } from '../rpc';
import { looksLikePackage, verifyPackageCommand } from './verify-package';

export async function verifyCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('verify', args, {
    'accept-witness': { type: 'boolean' },
  });
  if (positionals.length !== 1)
    throw new UsageError('verify: give exactly one vault (or package) path');
  const path = resolve(io.cwd, positionals[0]!);
  if (looksLikePackage(path)) {
    if (values['accept-witness']) {
      throw new UsageError('verify: --accept-witness applies to a vault, not to an audit package');
    }
    return verifyPackageCommand(path, values.json === true, io, signal);
  }
  let result: VerifyFileResult;
  try {
    // Read-only: verify never writes to the vault (DESIGN §3).
    result = await withRpc(io, signal, (rpc) =>
      rpc.job(
        'vault.verifyFile',
        { file: path, acceptWitness: values['accept-witness'] === true },
        'Re-hashing stored files',
      ),
    );
  } catch (e) {
    // Too damaged even to be copied for checking: still "a check found problems".
    if (isAttestError(e) && e.code === 'integrity') {
      io.err(`attest verify: ${e.message}\n`);
      return EXIT_PROBLEMS;
    }
    throw e;
  }
  const { report, checkedCopy, accepted, notAccepted } = result;
  // Accepted: the chain's history is the user's decision now, no longer a problem.
  const problems = accepted
    ? report.problems.filter((p) => p.kind !== 'chain_rewritten')
    : report.problems;
  if (values.json) {
    io.out(JSON.stringify(report, null, 2) + '\n');
    // --json prints the contract's shape only; the notes go beside it.
    if (checkedCopy) io.err(`attest verify: note: ${describeCopy(checkedCopy)}\n`);
    if (accepted) io.err(`attest verify: ${describeAccepted(accepted)}\n`);
    if (notAccepted) io.err(`attest verify: ${notAccepted}\n`);
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
    if (report.witness) describeWitness(io, report.witness, accepted, positionals[0]!);
    if (notAccepted) io.out(`${notAccepted}\n`);
  }
  if (notAccepted) return EXIT_PROBLEMS;
  return problems.length === 0 ? EXIT_OK : EXIT_PROBLEMS;
}

/** What the witness says, and what the chain can and cannot prove, in plain sentences. */
function describeWitness(io: CliIo, w: Witness, accepted: Witness | null, arg: string): void {
  const mark = w.status === 'sound' ? '✓' : w.status === 'rewritten' ? '✗' : '!';
  io.out(`Witness (${w.file}):\n  ${mark} ${w.message}\n`);
  io.out(
    `  The audit chain shows any change made outside Attest unless someone recomputed the whole chain (it has no secret); the witness, kept on this computer outside the vault, is what catches a recomputed chain.\n`,
  );
  if (accepted) {
    io.out(`  ${describeAccepted(accepted)}\n`);
  } else if (w.status !== 'sound') {
    io.out(
      `  To record this chain as the new baseline: attest verify --accept-witness ${quoteArg(arg)}\n`,
    );
  }
}

function describeAccepted(w: Witness): string {
  return `Accepted: entry ${w.head.seq} is now the baseline this computer compares the vault with.`;
}

function quoteArg(arg: string): string {
  return /^[\w./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
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

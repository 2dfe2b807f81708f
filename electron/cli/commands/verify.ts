import { resolve } from 'node:path';
import { verifyVault } from '../../core/vault/verify';
import { closeVault, openVault } from '../../core/vault/session';
import { parse } from '../args';
import { formatBytes } from '../format';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io';
import { progressReporter } from '../progress';

export async function verifyCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('verify', args, {});
  if (positionals.length !== 1)
    throw new UsageError('verify: give exactly one vault (or package) path');
  const path = resolve(io.cwd, positionals[0]!);
  const vault = await openVault(path, { app: 'attest verify' });
  try {
    const progress = progressReporter(io, 'Re-hashing stored files');
    const report = await verifyVault(vault, { onProgress: (p) => progress.update(p), signal });
    progress.done();
    if (values.json) {
      io.out(JSON.stringify(report, null, 2) + '\n');
    } else {
      const c = report.checked;
      io.out(`Verified ${path}\n`);
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
  } finally {
    closeVault(vault);
  }
}

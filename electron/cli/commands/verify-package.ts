import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS } from '../io';
import { printPackageReport as printReport } from '../package-report';
import { withRpc } from '../rpc';

/**
 * Whether `attest verify` was handed an audit package rather than a vault: a `.zip` name, or a
 * file that starts like a zip (a local header `PK\x03\x04`, or the end record of an empty zip
 * `PK\x05\x06`). Anything else is left to the vault checks, which name what it is.
 */
export function looksLikePackage(path: string): boolean {
  if (path.toLowerCase().endsWith('.zip')) return true;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    if (!fstatSync(fd).isFile()) return false;
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    if (n < 4) return false;
    return (
      head.equals(Buffer.from('PK\x03\x04', 'latin1')) ||
      head.equals(Buffer.from('PK\x05\x06', 'latin1'))
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * `attest verify <package.zip>`: exit 0 when every file is unchanged since export and the
 * signature holds, 1 naming each problem, 2 (from the `not_a_package` error) when the file is
 * not a zip at all. `--json` prints the contract's report.
 */
export async function verifyPackageCommand(
  path: string,
  json: boolean,
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const report = await withRpc(io, signal, (rpc) =>
    rpc.job('package.verify', { source: { path } }, 'Checking the package'),
  );
  if (json) io.out(JSON.stringify(report, null, 2) + '\n');
  else printReport(io, path, report);
  return report.verified ? EXIT_OK : EXIT_PROBLEMS;
}

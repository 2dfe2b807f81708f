import type { PackageVerifyReport } from '../../shared/api/package-verify';
import { formatBytes } from './format';
import type { CliIo } from './io';

/**
 * A package's verification report as `attest verify <package.zip>` prints it (and `attest serve
 * --package` when it refuses to start): what the package is, then each problem named.
 */
export function printPackageReport(io: CliIo, path: string, report: PackageVerifyReport): void {
  io.out(`Checked ${path}\n`);
  const m = report.manifest;
  if (m) {
    const client = m.client ? ` (${m.client})` : '';
    io.out(`  Audit package of ${m.engagement}${client}, exported ${m.generatedAt}\n`);
    const d = m.delta;
    if (d) {
      io.out(
        `  A delta package: only what is new or changed since the package exported ${d.previousGeneratedAt} (manifest SHA-256 ${d.since})\n` +
          `  Since then: ${d.new} new, ${d.changed} changed, ${d.unchanged} unchanged (in the earlier package), ${d.removed} removed\n`,
      );
    }
  }
  io.out(`  Files checked: ${report.filesChecked} (${formatBytes(report.bytesChecked)})\n`);
  if (report.fingerprint) io.out(`  Signing key fingerprint: ${report.fingerprint}\n`);
  if (report.verified) {
    io.out('Package integrity verified: files unchanged since export.\n');
    io.out(
      '  Compare the fingerprint with the one the sender gave you by another channel: the one inside the package only proves the files are as that key signed them. The signature identifies a vault, not a person, and says nothing about whether the evidence is authentic or complete.\n',
    );
    return;
  }
  const n = report.problems.length;
  io.out(
    report.complete
      ? `Package NOT verified: ${n} problem${n === 1 ? '' : 's'} found:\n`
      : `Package refused: it holds entries a zip tool could use against the computer opening it, so its files were not checked (${n} problem${n === 1 ? '' : 's'}):\n`,
  );
  for (const p of report.problems) io.out(`  ✗ ${p.message}\n`);
}

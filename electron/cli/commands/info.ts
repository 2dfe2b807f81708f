import { resolve } from 'node:path';
import type { PreviousPeriod } from '../../../shared/api/vault';
import { parse } from '../args';
import {
  describeCategories,
  describeReport,
  formatBytes,
  formatFingerprint,
  table,
} from '../format';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { withRpc } from '../rpc';

export async function infoCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse('info', args, {});
  if (positionals.length !== 1) throw new UsageError('info: give exactly one vault path');
  const file = resolve(io.cwd, positionals[0]!);
  const info = await withRpc(io, signal, async (rpc) => {
    await rpc.call('vault.open', { file });
    return rpc.call('vault.info', {});
  });
  if (values.json) {
    io.out(JSON.stringify(info, null, 2) + '\n');
    return EXIT_OK;
  }
  const e = info.engagement;
  io.out(
    table([
      ['Engagement', e.name],
      ['Client', e.client || '—'],
      ['Report', describeReport(e)],
      ['Categories', describeCategories(e)],
      ['Vault', `${info.path} (format ${info.formatVersion})`],
      ['Created', `${info.createdAt} with Attest ${info.appVersion}`],
      [
        'Scope',
        info.engagement.scopeConfirmedAt
          ? `${info.scope.criteria.length} criteria, ${info.scope.controls.length} controls (catalog ${info.engagement.catalogVersion})`
          : 'not confirmed yet',
      ],
      ['Fingerprint', formatFingerprint(info.fingerprint)],
      ...(info.previousPeriod
        ? [['Previous period', describePrevious(info.previousPeriod)] as [string, string]]
        : []),
      ['Current user', info.currentUser.name],
      [
        'Contents',
        `${info.counts.people} people · ${info.counts.auditEvents} audit entries · ${info.counts.blobs} stored files (${formatBytes(info.counts.blobBytes)})`,
      ],
    ]),
  );
  return EXIT_OK;
}

/** Where a rolled-forward vault came from: the old file, its dates and the chain head read. */
function describePrevious(p: PreviousPeriod): string {
  const when =
    p.reportType === 'type1'
      ? `Type I as of ${p.asOf ?? 'not set'}`
      : `Type II, ${p.period?.start ?? '?'} to ${p.period?.end ?? '?'}`;
  return `${p.fileName} (${when}), audit entry ${p.chainSeq}`;
}

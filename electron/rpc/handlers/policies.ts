import {
  importAcks,
  listAcks,
  missingAcks,
  previewAckImport,
  acknowledge,
} from '../../core/policies/acks';
import { policyConsistency } from '../../core/policies/consistency';
import { exportPolicyVersion } from '../../core/policies/export';
import {
  archivePolicy,
  createFromTemplate,
  createPolicy,
  getPolicy,
  listPolicyPageOf,
  setPolicyControls,
  updatePolicy,
} from '../../core/policies/policies';
import {
  approveVersion,
  diffVersions,
  getVersion,
  inForceOnDate,
  listVersions,
  requireVersion,
  startDraft,
  updateDraft,
} from '../../core/policies/versions';
import { requireVault } from '../context';
import { resolveSource, startFileJob, startOutputJob } from '../start-job';
import type { HandlerSlice } from './types';

export const policyHandlers: HandlerSlice<
  | 'policies.list'
  | 'policies.get'
  | 'policies.createFromTemplate'
  | 'policies.create'
  | 'policies.update'
  | 'policies.archive'
  | 'policies.startDraft'
  | 'policies.updateDraft'
  | 'policies.approve'
  | 'policies.versions'
  | 'policies.version'
  | 'policies.diff'
  | 'policies.inForce'
  | 'policies.setControls'
  | 'policies.acknowledge'
  | 'policies.acknowledgements'
  | 'policies.previewAckImport'
  | 'policies.importAcks'
  | 'policies.missingAcks'
  | 'policies.consistency'
  | 'policies.export'
> = {
  'policies.list': ({ includeArchived, search, sort, limit, cursor }, ctx) =>
    listPolicyPageOf(
      requireVault(ctx),
      { includeArchived, search },
      sort ?? { key: 'title', dir: 'asc' },
      { limit, cursor },
    ),
  'policies.get': ({ id }, ctx) => getPolicy(requireVault(ctx), id),
  'policies.createFromTemplate': (input, ctx) => createFromTemplate(requireVault(ctx), input),
  'policies.create': (input, ctx) => createPolicy(requireVault(ctx), input),
  'policies.update': ({ id, patch }, ctx) => updatePolicy(requireVault(ctx), id, patch),
  'policies.archive': ({ id, archived }, ctx) => archivePolicy(requireVault(ctx), id, archived),
  'policies.startDraft': ({ policyId }, ctx) => startDraft(requireVault(ctx), policyId),
  'policies.updateDraft': ({ versionId, patch }, ctx) =>
    updateDraft(requireVault(ctx), versionId, patch),
  'policies.approve': (input, ctx) => approveVersion(requireVault(ctx), input),
  'policies.versions': ({ policyId }, ctx) => ({
    items: listVersions(requireVault(ctx), policyId),
  }),
  'policies.version': ({ id }, ctx) => getVersion(requireVault(ctx), id),
  'policies.diff': ({ fromVersionId, toVersionId }, ctx) =>
    diffVersions(requireVault(ctx), fromVersionId, toVersionId),
  'policies.inForce': ({ policyId, date }, ctx) => ({
    version: inForceOnDate(requireVault(ctx), policyId, date),
  }),
  'policies.setControls': ({ id, controlIds }, ctx) =>
    setPolicyControls(requireVault(ctx), id, controlIds),
  'policies.acknowledge': (input, ctx) => acknowledge(requireVault(ctx), input),
  'policies.acknowledgements': ({ policyId }, ctx) => ({
    items: listAcks(requireVault(ctx), policyId),
  }),
  // A preview only reads: an upload stays staged for the import that follows.
  'policies.previewAckImport': ({ versionId, source, fileName, mapping }, ctx) => {
    const vault = requireVault(ctx);
    const { path } = resolveSource(ctx, source);
    return previewAckImport(vault, { versionId, path, fileName, mapping });
  },
  'policies.importAcks': ({ versionId, source, fileName, mapping }, ctx) => {
    const vault = requireVault(ctx);
    requireVersion(vault, versionId); // an unknown version fails the call, before any job starts
    return startFileJob(
      ctx,
      'policies.importAcks',
      `Importing acknowledgements from ${fileName}`,
      source,
      async ({ path, signal, consume }) => {
        const result = await importAcks(vault, { versionId, path, fileName, mapping }, signal);
        consume();
        return result;
      },
    );
  },
  'policies.missingAcks': ({ policyId, asOf }, ctx) =>
    missingAcks(requireVault(ctx), policyId, asOf),
  'policies.consistency': (filter, ctx) => policyConsistency(requireVault(ctx), filter),
  'policies.export': ({ versionId, format, saveTo }, ctx) => {
    const vault = requireVault(ctx);
    requireVersion(vault, versionId);
    return startOutputJob(ctx, 'policies.export', 'Exporting a policy', saveTo, () =>
      exportPolicyVersion(vault, versionId, format),
    );
  },
};

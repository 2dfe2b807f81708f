import { applyScope } from '../../core/scope/apply-scope';
import {
  archiveControl,
  createControl,
  getControl,
  listControls,
  updateControl,
} from '../../core/scope/controls';
import { setCriterionRole } from '../../core/scope/criterion-roles';
import { controlItgcs, linkItgc, unlinkItgc } from '../../core/scope/reliance';
import { listCriteria, setNotRelevant } from '../../core/scope/criteria';
import { updateEngagementDetails } from '../../core/scope/engagement';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const scopeHandlers: HandlerSlice<
  | 'scope.update'
  | 'scope.confirm'
  | 'criteria.list'
  | 'criteria.setNotRelevant'
  | 'controls.list'
  | 'controls.get'
  | 'controls.update'
  | 'controls.setCriterionRole'
  | 'controls.itgcs'
  | 'controls.linkItgc'
  | 'controls.unlinkItgc'
  | 'controls.create'
  | 'controls.archive'
> = {
  'scope.update': (patch, ctx) => updateEngagementDetails(requireVault(ctx), patch),
  'scope.confirm': (_input, ctx) => applyScope(requireVault(ctx)),
  'criteria.list': ({ inScopeOnly }, ctx) => ({
    items: listCriteria(requireVault(ctx), inScopeOnly),
  }),
  'criteria.setNotRelevant': ({ id, reason }, ctx) => setNotRelevant(requireVault(ctx), id, reason),
  'controls.list': (q, ctx) => listControls(requireVault(ctx), q),
  'controls.get': ({ id }, ctx) => getControl(requireVault(ctx), id),
  'controls.update': ({ id, patch }, ctx) => updateControl(requireVault(ctx), id, patch),
  'controls.setCriterionRole': (input, ctx) => setCriterionRole(requireVault(ctx), input),
  'controls.itgcs': ({ id }, ctx) => controlItgcs(requireVault(ctx), id),
  'controls.linkItgc': (input, ctx) => linkItgc(requireVault(ctx), input),
  'controls.unlinkItgc': (input, ctx) => unlinkItgc(requireVault(ctx), input),
  'controls.create': (input, ctx) => createControl(requireVault(ctx), input),
  'controls.archive': ({ id, archived }, ctx) => archiveControl(requireVault(ctx), id, archived),
};

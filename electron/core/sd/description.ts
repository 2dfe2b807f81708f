import type { SystemDescription } from '../../../shared/api/sd';
import {
  COMPONENT_KINDS,
  type ComponentKind,
  describeCompleteness,
} from '../../../shared/domain/system-description';
import { listControlRows } from '../../db/repos/controls';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { getNoneStatements } from './events';
import { toComponent, toSdEvent } from './mapping';
import { toCuecs, toSubservices } from './subservice-parts';
import { scopeCriteria } from './references';
import { listRows } from '../../db/repos/sd-records';
import { getTexts } from './texts';
import { getConfirmedNone } from './confirmed-none';

/**
 * The whole description in one read, with its completeness. Completeness is always computed
 * from active records, whether or not archived ones are included for display.
 */
export function getSystemDescription(vault: Vault, includeArchived: boolean): SystemDescription {
  const engagement = getEngagement(vault);
  const texts = getTexts(vault);
  const components = listRows(vault.db, 'sd_component', includeArchived).map(toComponent);
  const subservices = toSubservices(vault, listRows(vault.db, 'subservice_org', includeArchived));
  const cuecs = toCuecs(vault, listRows(vault.db, 'cuec', includeArchived));
  const events = listRows(vault.db, 'sd_event', includeArchived)
    .map(toSdEvent)
    .sort((a, b) => a.date.localeCompare(b.date));
  const none = getNoneStatements(vault);
  const active = <T extends { archived: boolean }>(items: T[]) => items.filter((i) => !i.archived);
  const scope = scopeCriteria(vault);
  const confirmedNone = getConfirmedNone(vault);

  const completeness = describeCompleteness({
    reportType: engagement.reportType,
    asOf: engagement.asOf,
    period: engagement.period,
    texts,
    components: active(components),
    subservices: active(subservices),
    cuecs: active(cuecs),
    confirmedNone,
    incidents: active(events).filter((e) => e.kind === 'incident'),
    changes: active(events).filter((e) => e.kind === 'change'),
    none,
    criteriaInScope: scope.inScope.size,
    inScopeCriteria: [...scope.inScope],
    notRelevantCriteria: [...scope.notRelevant.keys()],
    activeControlIds: listControlRows(vault.db).map((c) => c.id),
  });

  const byKind = Object.fromEntries(
    COMPONENT_KINDS.map((k) => [k, components.filter((c) => c.kind === k)]),
  ) as Record<ComponentKind, typeof components>;

  return {
    texts,
    components: byKind,
    subservices,
    cuecs,
    incidents: events.filter((e) => e.kind === 'incident'),
    changes: events.filter((e) => e.kind === 'change'),
    none,
    confirmedNone,
    completeness,
  };
}

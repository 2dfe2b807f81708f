import type { FixTarget } from '../../../shared/domain/readiness/finding';
import { addressOf } from '../../app/routes';

/**
 * The screen that fixes a finding, as a link of routes.ts. The one place a readiness fix
 * target becomes an address.
 */
export function fixTargetAddress(target: FixTarget): string {
  switch (target.screen) {
    case 'criterion':
      return addressOf('scopeCriterion', target.id);
    case 'control':
      return addressOf('gapsControl', target.id);
    case 'controlTesting':
      return addressOf('controlTesting', target.id);
    case 'policy':
      return addressOf('policy', target.id);
    case 'evidence':
      return addressOf('evidence', target.id);
    case 'subservice':
      // Vendors are edited in the scope wizard's subservice step: this one opens in its drawer.
      return addressOf('subservice', target.id);
    case 'subservices':
      return addressOf('scopeSubservices');
    case 'risk':
      return addressOf('risk', target.id);
    case 'risks':
      return addressOf('gapsRisks');
    case 'description':
      return addressOf('scopeDescription');
    case 'events':
      return addressOf('scopeEvents');
  }
}

/** What the fix link says: where it goes, in the user's words. */
export function fixTargetLabel(target: FixTarget): string {
  const where: Record<FixTarget['screen'], string> = {
    criterion: 'Open the criterion',
    control: 'Open the control',
    controlTesting: 'Open its self-test',
    policy: 'Open the policy',
    evidence: 'Open the evidence',
    subservice: 'Open the subservice organisation',
    subservices: 'Open subservice organisations',
    risk: 'Open the risk',
    risks: 'Open the risk register',
    description: 'Open the system description',
    events: 'Open incidents and changes',
  };
  return where[target.screen];
}

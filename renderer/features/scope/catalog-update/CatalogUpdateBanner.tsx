import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconBooks } from '@tabler/icons-react';
import { plural } from '../../../components/format';
import type { CatalogUpdatePlan } from '../../../../shared/api/catalog-update';
import { countChanges, useCatalogPlan, useCatalogReview } from './catalog-update-store';
import { CatalogUpdateModal } from './CatalogUpdateModal';

/**
 * Says when this build ships a newer catalog than the one the vault was scoped with (the update
 * is never applied silently), or when the vault comes from a newer build.
 */
export function CatalogUpdateBanner() {
  const plan = useCatalogPlan();
  const openReview = useCatalogReview((s) => s.openReview);

  if (plan?.status === 'vault_newer') {
    return (
      <Alert
        color="yellow"
        variant="light"
        mb="md"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={`Scoped with a newer catalog (${plan.vaultVersion})`}
      >
        This copy of Attest ships catalog {plan.buildVersion}. You can keep working, but update
        Attest before you change the scope.
      </Alert>
    );
  }
  if (plan?.status !== 'update_available') return null;
  return (
    <>
      <UpdateAvailable plan={plan} onReview={openReview} />
      <CatalogUpdateModal />
    </>
  );
}

function UpdateAvailable({ plan, onReview }: { plan: CatalogUpdatePlan; onReview(): void }) {
  const n = countChanges(plan);
  const parts = [
    n.added > 0 && plural(n.added, 'new control'),
    n.updated > 0 && `${plural(n.updated, 'control')} with revised library text`,
    n.retired > 0 && `${plural(n.retired, 'control')} dropped from the library`,
    n.criteria > 0 && `${plural(n.criteria, 'criterion', 'criteria')} revised`,
  ].filter(Boolean);
  return (
    <Alert
      color="blue"
      variant="light"
      mb="md"
      icon={<IconBooks size={18} aria-hidden />}
      title={`Catalog ${plan.buildVersion} is available`}
      data-testid="catalog-update-banner"
    >
      <Group justify="space-between" wrap="nowrap" gap="lg">
        <Text size="sm">
          This vault was scoped with catalog {plan.vaultVersion}. The update brings{' '}
          {parts.length > 0 ? parts.join(', ') : 'no change to your controls'}. Nothing changes
          until you apply it
          {n.edited > 0 ? '; your own edits are kept unless you choose otherwise' : ''}.
        </Text>
        <Button variant="filled" onClick={onReview} style={{ flexShrink: 0 }}>
          Review update
        </Button>
      </Group>
    </Alert>
  );
}

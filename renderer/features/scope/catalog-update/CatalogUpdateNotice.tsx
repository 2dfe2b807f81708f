import { Alert, Button, Group, Text } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { scopeLinks } from '../scope-paths';
import { useCatalogPlan, useCatalogReview } from './catalog-update-store';

/**
 * The Dashboard's one line about a newer catalog, so an update is noticed by someone who no
 * longer visits Scope; the review itself happens there.
 */
export function CatalogUpdateNotice() {
  const plan = useCatalogPlan();
  const navigate = useNavigate();

  if (plan?.status !== 'update_available') return null;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconBooks size={18} aria-hidden />}
      data-testid="catalog-update-notice"
    >
      <Group justify="space-between" wrap="nowrap" gap="lg">
        <Text size="sm">
          Catalog {plan.buildVersion} is available (this vault uses {plan.vaultVersion}). Nothing
          changes until you review and apply it.
        </Text>
        <Button
          variant="light"
          style={{ flexShrink: 0 }}
          onClick={() => {
            useCatalogReview.getState().openReview();
            void navigate(scopeLinks.view());
          }}
        >
          Review update
        </Button>
      </Group>
    </Alert>
  );
}

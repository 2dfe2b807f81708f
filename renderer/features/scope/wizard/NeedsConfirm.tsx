import { Alert, Button, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { Category } from '../../../../shared/domain/engagement';
import { useConfirmScope } from '../confirm-scope';
import { categoryList, pendingCategories } from '../scope-change';
import { useScopeCriteria } from '../scope-queries';

/**
 * Steps 5–7 work with the criteria in scope, which exist once the scope is confirmed. Rather
 * than reorder the questions, these steps offer to confirm now; confirming again at the end
 * keeps everything.
 */
export function NeedsConfirm(props: { chosen: readonly Category[] }) {
  const { criteria } = useScopeCriteria();
  const [busy, setBusy] = useState(false);
  const confirmScope = useConfirmScope();
  const pending = pendingCategories(props.chosen, [...new Set(criteria.map((c) => c.category))]);
  const never = criteria.length === 0;
  if (!never && pending.added.length === 0) return null;

  const run = async () => {
    setBusy(true);
    await confirmScope();
    setBusy(false);
  };

  return (
    <Alert
      color={never ? 'teal' : 'yellow'}
      variant="light"
      icon={<IconInfoCircle size={18} aria-hidden />}
      title={never ? 'This step needs the criteria in scope' : 'New categories are not applied yet'}
      data-testid="needs-confirm"
    >
      <Text size="sm" mb="sm">
        {never
          ? 'Attest copies the criteria into the vault, with the library controls that serve them, when you confirm the scope. Confirm now to answer this step; you can keep changing every answer and confirm again at the end without losing anything.'
          : `You added ${categoryList(pending.added)} since the scope was confirmed. Confirm again to bring in their criteria and controls; nothing you did is lost.`}
      </Text>
      <Button size="xs" loading={busy} onClick={() => void run()}>
        Confirm scope now
      </Button>
    </Alert>
  );
}

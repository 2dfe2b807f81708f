import { Alert, Button, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { Category } from '../../../../shared/domain/engagement';
import { categoryList, pendingCategories } from '../scope-change';
import { useScopeCriteria } from '../scope-queries';
import { CONFIRM_STEP } from './wizard-steps';

/**
 * The questions after "Review and confirm" work with the criteria it copies in. Reached before
 * that (only by a link), or after categories were added since, they say so and lead to the one
 * place that confirms — they never confirm from the middle of another question.
 */
export function NeedsConfirm(props: {
  chosen: readonly Category[];
  onGoToStep(step: number): void;
}) {
  const { criteria } = useScopeCriteria();
  const pending = pendingCategories(props.chosen, [...new Set(criteria.map((c) => c.category))]);
  const never = criteria.length === 0;
  if (!never && pending.added.length === 0) return null;

  return (
    <Alert
      color={never ? 'gray' : 'yellow'}
      variant="light"
      icon={<IconInfoCircle size={18} aria-hidden />}
      title={
        never ? 'This question follows the confirmation' : 'New categories are not applied yet'
      }
      data-testid="needs-confirm"
    >
      <Text size="sm" mb="sm">
        {never
          ? `It works with the criteria in scope, which Attest copies into the vault when the scope is confirmed at question ${CONFIRM_STEP + 1}.`
          : `You added ${categoryList(pending.added)} since the scope was confirmed. Confirm again at question ${CONFIRM_STEP + 1} to bring in their criteria and controls; nothing you did is lost.`}
      </Text>
      <Button size="xs" variant="default" onClick={() => props.onGoToStep(CONFIRM_STEP)}>
        Go to question {CONFIRM_STEP + 1}: Review and confirm
      </Button>
    </Alert>
  );
}

import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { plural } from '../format';
import { NOTHING_SELECTED, type Selection, selectedCount } from './selection';

/**
 * Above a table with ticked rows: how many, the actions for them, and — once every loaded row
 * is ticked but more match — the offer to tick every matching row (Gmail's pattern).
 */
export function SelectionBar(props: {
  selection: Selection;
  onChange(next: Selection): void;
  loaded: number;
  total: number;
  noun: [string, string];
  actions?: ReactNode;
}) {
  const { selection, total, loaded, noun } = props;
  const count = selectedCount(selection, total);
  if (count === 0) return null;
  const canWiden = selection.kind === 'some' && count >= loaded && total > loaded;
  return (
    <Group
      justify="space-between"
      px="md"
      py={6}
      gap="sm"
      className="attest-selection-bar"
      data-testid="selection-bar"
    >
      <Group gap="sm">
        <Text size="sm" fw={500} aria-live="polite">
          {plural(count, noun[0], noun[1])} selected
          {selection.kind === 'allMatching' ? ' (every one matching the filters)' : ''}
        </Text>
        {canWiden && (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => props.onChange({ kind: 'allMatching', except: new Set() })}
          >
            Select all {plural(total, noun[0], noun[1])} matching
          </Button>
        )}
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          onClick={() => props.onChange(NOTHING_SELECTED)}
        >
          Clear
        </Button>
      </Group>
      {props.actions && <Group gap="xs">{props.actions}</Group>}
    </Group>
  );
}

import { Text, type TextProps } from '@mantine/core';
import { Fragment } from 'react';
import type { AuditEntryView } from '../../../shared/api/audit';

/**
 * What an audit entry changed, field by field: "owner: Ana Lima → Ben Ortiz". The value before
 * is dimmed so the new one reads first; a field no earlier entry recorded says so rather than
 * showing a dash, which means "empty". A creation, or an entry that records no fields (a link),
 * shows its values or its line as recorded.
 */
export function ChangesText({
  entry,
  ...props
}: { entry: Pick<AuditEntryView, 'changes' | 'details'> } & TextProps) {
  if (entry.changes.length === 0) {
    return (
      <Text {...props} data-testid="history-changes">
        {entry.details || '—'}
      </Text>
    );
  }
  return (
    <Text {...props} title={entry.details} data-testid="history-changes">
      {entry.changes.map((c, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          <Text span inherit fw={600}>
            {c.field}
          </Text>
          {': '}
          {c.before !== undefined && (
            <>
              <Text span inherit c="dimmed" fs={c.before === null ? 'italic' : undefined}>
                {c.before ?? 'not recorded'}
              </Text>
              {' → '}
            </>
          )}
          {c.after}
        </Fragment>
      ))}
    </Text>
  );
}

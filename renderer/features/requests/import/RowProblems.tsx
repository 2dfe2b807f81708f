import { Badge, Group, ScrollArea, Stack, Text } from '@mantine/core';
import type { RowProblemOut } from '../../../../shared/api/requests';
import { plural } from '../../../components/format';

/** Row-level problems, errors first: each with the row number as the spreadsheet shows it. */
export function RowProblems({ problems }: { problems: readonly RowProblemOut[] }) {
  if (problems.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="row-problems">
        No problems found in the rows.
      </Text>
    );
  }
  const sorted = [...problems].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning') || a.row - b.row,
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <Stack gap={6} data-testid="row-problems">
      <Text size="sm" fw={600}>
        {[errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')]
          .filter(Boolean)
          .join(' · ')}
        <Text span size="sm" c="dimmed" fw={400}>
          {errors > 0
            ? ' — rows with an error are skipped; warnings are imported as read.'
            : ' — imported as read.'}
        </Text>
      </Text>
      <ScrollArea.Autosize mah={168} type="auto" offsetScrollbars>
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {sorted.map((p, i) => (
            <Group
              key={`${p.row}:${p.column ?? ''}:${i}`}
              component="li"
              gap={8}
              wrap="nowrap"
              align="baseline"
              data-severity={p.severity}
              data-row={p.row}
            >
              <Badge
                size="sm"
                variant="light"
                radius="sm"
                tt="none"
                color={p.severity === 'error' ? 'red' : 'yellow'}
                miw={68}
              >
                {p.severity === 'error' ? 'Error' : 'Warning'}
              </Badge>
              <Text size="sm" fw={600} miw={54} style={{ whiteSpace: 'nowrap' }}>
                Row {p.row}
              </Text>
              {p.column && (
                <Text size="sm" c="dimmed" className="attest-mono" style={{ whiteSpace: 'nowrap' }}>
                  {p.column}
                </Text>
              )}
              <Text size="sm">{p.message}</Text>
            </Group>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

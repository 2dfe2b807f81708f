import { Box, Text } from '@mantine/core';
import type { AuditRequest } from '../../../../shared/api/requests';

/**
 * The auditor's row exactly as last imported: every column, in the file's order and spelling,
 * read-only (it is their document; our fields are edited below it).
 */
export function AuditorColumns({ columns }: { columns: AuditRequest['auditorColumns'] }) {
  if (columns.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This request was not imported from a file.
      </Text>
    );
  }
  return (
    <Box
      component="dl"
      m={0}
      data-testid="auditor-columns"
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(7rem, 32%) 1fr',
        columnGap: 'var(--mantine-spacing-md)',
        rowGap: 6,
      }}
    >
      {columns.map((c, i) => (
        <Box key={`${i}:${c.header}`} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {c.header || `Column ${i + 1}`}
          </Text>
          <Text
            component="dd"
            m={0}
            size="sm"
            c={c.value.trim() ? undefined : 'dimmed'}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {c.value.trim() ? c.value : '—'}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
